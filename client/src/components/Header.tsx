import { useRoom } from '../sync/RoomContext.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { PresenceBar } from './PresenceBar.js';
import { UndoRedo } from './UndoRedo.js';
import './header.css';

export function Header() {
  const room = useRoom();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="logo" aria-hidden="true" />
        <span className="app-header__title">Stockroom</span>
        <span className="room-name" title="Room">
          <span className="muted">room</span> {room.name}
        </span>
      </div>
      <ConnectionBadge />
      <div className="app-header__spacer" />
      <PresenceBar />
      <UndoRedo />
    </header>
  );
}
