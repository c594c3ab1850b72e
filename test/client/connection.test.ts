import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ConnectionStore, deriveStatus, INITIAL_FACTS } from '../../client/src/sync/connection-store.js';
import { isSyncStep1, PendingCounter } from '../../client/src/sync/pending.js';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

describe('connection status', () => {
  const facts = { ...INITIAL_FACTS, loaded: true };

  it('is connecting at first, online once synced, offline after a failure until synced again', () => {
    expect(deriveStatus(facts)).toBe('connecting');
    expect(deriveStatus({ ...facts, connected: true })).toBe('connecting');
    expect(deriveStatus({ ...facts, connected: true, synced: true })).toBe('online');
    // Retries after a drop do not flicker back to "connecting".
    expect(deriveStatus({ ...facts, failed: true })).toBe('offline');
    expect(deriveStatus({ ...facts, failed: true, connected: true })).toBe('offline');
  });

  it('is offline when the browser knows it is, or when the server refused us for good', () => {
    expect(deriveStatus({ ...facts, connected: true, synced: true, browserOnline: false })).toBe('offline');
    expect(deriveStatus({ ...facts, connected: true, synced: true, refused: 'expired' })).toBe('offline');
  });

  it('publishes a new snapshot only when what it shows changes', () => {
    const store = new ConnectionStore();
    const first = store.getSnapshot();
    store.update({ connected: true });
    expect(store.getSnapshot()).toBe(first);
    store.update({ synced: true });
    expect(store.getSnapshot()).not.toBe(first);
    expect(store.getSnapshot().status).toBe('online');
  });
});

describe('unsent local changes', () => {
  it('counts changes made while disconnected, not those written to an open socket', () => {
    const pending = new PendingCounter();
    pending.recordLocal(true);
    expect(pending.count).toBe(0);
    pending.recordLocal(false);
    pending.recordLocal(false);
    expect(pending.count).toBe(2);
  });

  it('clears when the server opens a sync: the answer to its step 1 carries everything it lacks', () => {
    const pending = new PendingCounter();
    pending.recordLocal(false);
    pending.serverSynced();
    expect(pending.count).toBe(0);
  });

  it('survives a reload (kept in storage per room) and forgets itself once sent', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const before = new PendingCounter(storage, 'stockroom:pending:demo');
    before.recordLocal(false);
    before.recordLocal(false);
    const after = new PendingCounter(storage, 'stockroom:pending:demo');
    expect(after.count).toBe(2);
    expect(new PendingCounter(storage, 'stockroom:pending:other').count).toBe(0);
    after.serverSynced();
    expect(storage.getItem('stockroom:pending:demo')).toBeNull();
  });

  it('ignores a corrupt stored count', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem('k', 'lots');
    expect(new PendingCounter(storage, 'k').count).toBe(0);
  });

  it('recognises the server’s sync step 1 without consuming the message', () => {
    const doc = new Y.Doc();
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, doc);
    const decoder = decoding.createDecoder(encoding.toUint8Array(step1));
    expect(isSyncStep1(decoder)).toBe(true);
    expect(decoder.pos).toBe(0);

    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, doc);
    expect(isSyncStep1(decoding.createDecoder(encoding.toUint8Array(step2)))).toBe(false);
    expect(isSyncStep1(decoding.createDecoder(new Uint8Array()))).toBe(false);
  });
});
