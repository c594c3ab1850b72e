import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../../server/store/store.js';

/**
 * The one contract every Store implementation passes (SQLite now,
 * PostgreSQL later): call it from a test file with a factory for a fresh,
 * empty store and a way to reopen the same data.
 */
export interface StoreHarness {
  open(): Promise<Store>;
  /** Drops everything this harness created. */
  cleanup(): Promise<void>;
}

function updateSetting(key: string, value: string, clientID = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('m').set(key, value);
  return updates[0]!;
}

function docFrom(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

export function runStoreContractTests(name: string, makeHarness: () => StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.open();
    });

    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('loads an unknown room as empty', async () => {
      const room = await store.load('nobody-here');
      expect(room).toEqual({ snapshot: null, updates: [], lastSeq: 0, tailBytes: 0 });
    });

    it('returns appended updates in order with increasing sequence numbers', async () => {
      const a = updateSetting('a', '1');
      const b = updateSetting('b', '2', 2);
      expect(await store.append('r', [a])).toBe(1);
      expect(await store.append('r', [b, a])).toBe(3);
      const room = await store.load('r');
      expect(room.updates.map((u) => [...u])).toEqual([[...a], [...b], [...a]]);
      expect(room.lastSeq).toBe(3);
      expect(room.tailBytes).toBe(a.byteLength * 2 + b.byteLength);
    });

    it('keeps rooms apart', async () => {
      await store.append('one', [updateSetting('x', 'one')]);
      await store.append('two', [updateSetting('x', 'two')]);
      expect(
        docFrom(await store.load('one'))
          .getMap('m')
          .toJSON(),
      ).toEqual({ x: 'one' });
      expect(
        docFrom(await store.load('two'))
          .getMap('m')
          .toJSON(),
      ).toEqual({ x: 'two' });
    });

    it('compacts into a snapshot and keeps updates appended after the compaction point', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 10; i++) doc.getMap('m').set(`k${i}`, i);
      await store.append('r', updates.slice(0, 6));
      const snapshotDoc = new Y.Doc();
      updates.slice(0, 6).forEach((u) => Y.applyUpdate(snapshotDoc, u));
      await store.append('r', updates.slice(6));
      await store.compact('r', Y.encodeStateAsUpdate(snapshotDoc), 6);
      const room = await store.load('r');
      expect(room.snapshot).not.toBeNull();
      expect(room.updates).toHaveLength(4);
      expect(room.lastSeq).toBe(10);
      expect(docFrom(room).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      // Sequence numbers continue after a compaction.
      expect(await store.append('r', [updateSetting('z', 'z', 9)])).toBe(11);
    });

    it('an append with nothing in it changes nothing', async () => {
      await store.append('r', [updateSetting('a', '1')]);
      expect(await store.append('r', [])).toBe(1);
      expect((await store.load('r')).updates).toHaveLength(1);
    });

    it('keeps everything across a close and reopen', async () => {
      await store.append('r', [updateSetting('a', '1')]);
      await store.compact('r', Y.encodeStateAsUpdate(docFrom(await store.load('r'))), 1);
      await store.append('r', [updateSetting('b', '2', 2)]);
      await store.close();
      store = await harness.open();
      const room = await store.load('r');
      expect(room.lastSeq).toBe(2);
      expect(docFrom(room).getMap('m').toJSON()).toEqual({ a: '1', b: '2' });
    });

    it('serializes concurrent appends without losing or reusing a sequence number', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append('r', [updateSetting(`k${i}`, 'v', i + 1)])),
      );
      expect(new Set(results).size).toBe(20);
      expect((await store.load('r')).updates).toHaveLength(20);
    });
  });
}
