// First: configures zod before any module that builds schemas is evaluated.
import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { RoomError } from './components/RoomError.js';
import { readEntry } from './entry/params.js';
import { registerServiceWorker } from './sw/register.js';
import { openRoom } from './sync/open-room.js';
import { RoomContext } from './sync/RoomContext.js';
import './styles/tokens.css';
import './styles/base.css';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

registerServiceWorker();
const root = createRoot(document.getElementById('root')!);
const entry = readEntry(window.location.search, storage());

if (!entry.ok) {
  root.render(<RoomError message={entry.error} />);
} else {
  // One room per page load, opened outside React so StrictMode's double effects never open it twice.
  const room = openRoom(entry.session);
  document.title = `${room.name} · Stockroom`;
  // Leaving: tell the others now rather than after the 30 s awareness timeout.
  window.addEventListener('pagehide', () => room.awareness.setLocalState(null));
  // Back from the back/forward cache the room has left; a fresh load rejoins it cleanly.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });
  root.render(
    <StrictMode>
      <RoomContext.Provider value={room}>
        <App />
      </RoomContext.Provider>
    </StrictMode>,
  );
}
