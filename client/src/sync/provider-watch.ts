import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ConnectionStore } from './connection-store.js';
import { MessageTag, ReadyState } from '../../../shared/protocol.js';
import { isSyncStep1, type PendingCounter } from './pending.js';

export interface WatchParts {
  provider: WebsocketProvider;
  doc: Y.Doc;
  local: IndexeddbPersistence;
  connection: ConnectionStore;
  pending: PendingCounter;
}

/** Feeds the connection store from the provider, the browser and the document; returns the undo. */
export function watchProvider({ provider, doc, local, connection, pending }: WatchParts): () => void {
  const onStatus = ({ status }: { status: string }) =>
    connection.update({ connected: status === 'connected' });
  const onSync = (synced: boolean) =>
    connection.update(synced ? { synced, failed: false, loaded: true, refused: null } : { synced });
  const onFailure = () => connection.update({ failed: true, synced: false });
  const onClosed = ({ code, reason }: { code: number; reason: string }) =>
    connection.update({ refused: reason || `the server refused the connection (${code})` });
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onFailure);
  provider.on('connection-error', onFailure);
  provider.on('closed', onClosed);

  const onOnline = () => connection.update({ browserOnline: true });
  const onOffline = () => connection.update({ browserOnline: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  // Local changes: the provider's own update handler ran first and sent it if the socket was open.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === local) return;
    pending.recordLocal(provider.wsconnected && provider.ws?.readyState === ReadyState.open);
    connection.update({ pending: pending.count });
  };
  doc.on('update', onUpdate);

  // Peek at the server's sync step 1: the provider's answer to it carries all we have that it lacks.
  const original = provider.messageHandlers[MessageTag.sync]!;
  provider.messageHandlers[MessageTag.sync] = (encoder, decoder, p, emitSynced, type) => {
    const step1 = isSyncStep1(decoder);
    original(encoder, decoder, p, emitSynced, type);
    if (step1) {
      pending.serverSynced();
      connection.update({ pending: pending.count });
    }
  };

  return () => {
    provider.off('status', onStatus);
    provider.off('sync', onSync);
    provider.off('connection-close', onFailure);
    provider.off('connection-error', onFailure);
    provider.off('closed', onClosed);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    doc.off('update', onUpdate);
    provider.messageHandlers[MessageTag.sync] = original;
  };
}
