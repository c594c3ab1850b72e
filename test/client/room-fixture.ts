import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RemoteOrigin } from '../../shared/origins.js';
import { createRoom, type Room } from '../../client/src/sync/room.js';

/** Marks updates that arrive from the other fixture doc, as a provider's would. */
export const REMOTE: RemoteOrigin = { source: 'remote', via: 'connection' };

/** A room over a fresh doc with no transport: the stores and hooks as the app uses them. */
export function testRoom(userId = 'alice', doc = new Y.Doc()): Room {
  return createRoom({ name: 'test', userId, color: '#3e63dd', doc, awareness: new Awareness(doc) });
}

/** Two-way live sync between docs (what the server does), tagging arrivals as remote. */
export function link(a: Y.Doc, b: Y.Doc): () => void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
  const ab = (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(b, update, REMOTE);
  const ba = (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(a, update, REMOTE);
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}
