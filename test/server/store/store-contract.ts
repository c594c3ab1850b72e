import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../../server/store/store.js';

/**
 * The one contract every Store implementation passes (SQLite, PostgreSQL):
 * call it from a test file with a factory for a fresh, empty store and a way
 * to reopen the same data. `open()` may be called again while a store is
 * open: the two instances share the data, as two server processes would.
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

    it('loadSince returns only what comes after a sequence number', async () => {
      const [a, b, c] = [updateSetting('a', '1'), updateSetting('b', '2', 2), updateSetting('c', '3', 3)];
      await store.append('r', [a, b]);
      await store.append('r', [c]);
      const tail = await store.loadSince('r', 1);
      expect(tail.snapshot).toBeNull();
      expect(tail.updates.map((u) => [...u])).toEqual([[...b], [...c]]);
      expect(tail.lastSeq).toBe(3);
      expect(tail.tailBytes).toBe(b.byteLength + c.byteLength);
      expect(await store.loadSince('r', 3)).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: 3,
        tailBytes: 0,
      });
      expect(await store.loadSince('nobody-here', 0)).toEqual(await store.load('nobody-here'));
    });

    it('loadSince hands over the snapshot when compaction folded part of what was asked for', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 6; i++) doc.getMap('m').set(`k${i}`, i);
      await store.append('r', updates.slice(0, 4));
      const folded = docFrom(await store.load('r'));
      await store.append('r', updates.slice(4));
      await store.compact('r', Y.encodeStateAsUpdate(folded), 4);
      // A reader at seq 2 missed 3 and 4, which only the snapshot still holds.
      const behind = await store.loadSince('r', 2);
      expect(behind.snapshot).not.toBeNull();
      expect(behind.updates).toHaveLength(2);
      expect(behind.lastSeq).toBe(6);
      expect(docFrom(behind).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      // A reader at or past the snapshot needs only the log.
      const current = await store.loadSince('r', 4);
      expect(current.snapshot).toBeNull();
      expect(current.updates.map((u) => [...u])).toEqual(updates.slice(4).map((u) => [...u]));
      expect((await store.loadSince('r', 5)).updates).toHaveLength(1);
    });

    it('two instances appending at once get consecutive, never shared, sequence numbers per batch', async () => {
      const other = await harness.open();
      try {
        const batches = Array.from({ length: 30 }, (_, i) =>
          Array.from({ length: 1 + (i % 3) }, (_, j) => updateSetting(`k${i}-${j}`, 'v', 1 + i * 3 + j)),
        );
        const lasts = await Promise.all(
          batches.map((batch, i) => (i % 2 ? other : store).append('r', batch)),
        );
        const all = (await store.load('r')).updates.map((u) => [...u]);
        expect(all).toHaveLength(batches.flat().length);
        batches.forEach((batch, i) => {
          const first = lasts[i]! - batch.length + 1;
          expect(all.slice(first - 1, lasts[i])).toEqual(batch.map((u) => [...u]));
        });
      } finally {
        await other.close();
      }
    });

    it('compaction by one instance while another appends loses no update', async () => {
      const other = await harness.open();
      try {
        const total = 60;
        const writing = (async () => {
          for (let i = 0; i < total; i++) await store.append('r', [updateSetting(`k${i}`, 'v', 100 + i)]);
        })();
        let compactions = 0;
        const compacting = (async () => {
          let done = false;
          void writing.finally(() => (done = true));
          while (!done || compactions === 0) {
            // Fold exactly what was read: the snapshot covers seq ≤ lastSeq and nothing is assumed beyond.
            const stored = await other.load('r');
            await other.compact('r', Y.encodeStateAsUpdate(docFrom(stored)), stored.lastSeq);
            compactions += 1;
          }
        })();
        await Promise.all([writing, compacting]);
        const keys = Object.keys(
          docFrom(await store.load('r'))
            .getMap('m')
            .toJSON(),
        );
        expect(keys.sort()).toEqual(Array.from({ length: total }, (_, i) => `k${i}`).sort());
        expect((await other.load('r')).lastSeq).toBe(total);
      } finally {
        await other.close();
      }
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
