import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Paths } from '../../../shared/protocol.js';
import type { Session } from '../entry/params.js';
import { ConnectionStore } from './connection-store.js';
import { PendingCounter } from './pending.js';
import { watchProvider } from './provider-watch.js';
import { quietLocalLoad } from './quiet-local-load.js';
import { createRoom, type Room } from './room.js';

/** If IndexedDB does not answer by then (blocked, disabled), connect anyway rather than wait forever. */
const LOCAL_LOAD_TIMEOUT_MS = 1500;

/** ws(s)://host of the page: sync runs on the same origin as the app (the dev server proxies it). */
export function wsBase(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/**
 * Opens a room local-first: IndexedDB is read first so the board renders this
 * browser's last copy at once, then the WebSocket connects. Connecting after
 * the local load also makes the sync small: our state vector already names
 * what we have, so the server sends only the difference.
 */
export function openRoom(session: Session): Room {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`stockroom:${session.room}`, doc);
  const provider = new WebsocketProvider(wsBase(window.location) + Paths.sync, session.room, doc, {
    connect: false,
    params: session.token ? { token: session.token } : {},
  });
  const pending = new PendingCounter(safeLocalStorage(), `stockroom:pending:${session.room}`);
  const connection = new ConnectionStore({
    browserOnline: navigator.onLine,
    pending: pending.count,
  });
  const unwatch = watchProvider({ provider, doc, local, connection, pending });

  let connected = false;
  const unquiet = quietLocalLoad(doc, local, () => !connected);
  const connect = () => {
    if (connected) return;
    connected = true;
    provider.connect();
  };
  const timer = window.setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);
  void local.whenSynced.then(() => {
    connection.update({ loaded: true });
    connect();
  });

  return createRoom({
    name: session.room,
    userId: session.userId,
    color: session.color,
    ...(session.token ? { token: session.token } : {}),
    doc,
    awareness: provider.awareness,
    quietOrigins: [local],
    // The provider marks itself synced only after applying the server's sync step 2.
    isCatchUp: (origin) => origin === provider && !provider.synced,
    connection,
    onDestroy() {
      window.clearTimeout(timer);
      unquiet();
      unwatch();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  });
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
