import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, removeItem, setFields } from '../../../shared/items.js';
import { MessageTag } from '../../../shared/protocol.js';
import { createLogger } from '../../../server/logger.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { Room, type RoomOptions, type RoomPeer } from '../../../server/sync/room/room.js';
import { copyOf, expectSameDoc, TestPeer } from '../../helpers/room-peer.js';
import { waitFor } from '../../helpers/clients.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';
import { writeUpdate } from '../../helpers/update-writer.js';

/**
 * The Room applies each update to its doc once, as it arrives, and forwards
 * it after the group commit. These tests pin down what that design relies
 * on: honest traffic never takes the slow path (a rebuild of the doc), a
 * sync step 2 never shows what is not stored yet, and updates Yjs holds
 * back stay out of the doc's encoding until they are complete.
 */
const OPTIONS: RoomOptions = {
  logger: createLogger('silent'),
  compactAfterUpdates: 10_000,
  compactAfterBytes: 1 << 26,
};
const alice = { source: 'user', userId: 'alice' } as const;
const bob = { source: 'user', userId: 'bob' } as const;

/** A peer that only records the sync step 2 replies it is sent. */
class ReplyRecorder implements RoomPeer {
  readonly replies: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
    this.replies.push(decoding.readVarUint8Array(decoder));
  }
}

describe('Room: one apply per update', () => {
  let dir: string;
  let store: SqliteStore;
  let room: Room;

  beforeEach(async () => {
    dir = tempDir('stockroom-apply-');
    store = SqliteStore.open(dir);
    room = await Room.load('apply', store, OPTIONS);
  });

  afterEach(async () => {
    await room.close();
    await store.close();
    removeDir(dir);
  });

  async function reloaded(): Promise<Y.Doc> {
    const again = await Room.load('apply', store, OPTIONS);
    const copy = copyOf(again.doc);
    await again.close();
    return copy;
  }

  it('honest traffic never rebuilds the doc: concurrent writes to one key, an edit racing a removal, a reconnect', async () => {
    const a = TestPeer.inSync(room, 1);
    const b = TestPeer.inSync(room, 2);
    a.deliver(
      a.edit((doc) => addItem(doc, { id: 'bolt', name: 'Bolt', data: { current_stock: 4 } }, alice))!,
    );
    await room.flush();
    // Both stamp updated_by/updated_at of the same item before seeing each other: one write per key loses.
    const fromA = a.edit((doc) => setFields(doc, 'bolt', { current_stock: 5 }, alice))!;
    const fromB = b.edit((doc) => setFields(doc, 'bolt', { current_stock: 6 }, bob))!;
    a.deliver(fromA);
    b.deliver(fromB);
    await room.flush();
    // An edit racing a removal of its item: Yjs collects the edit's structs whole.
    a.deliver(a.edit((doc) => addItem(doc, { id: 'washer', name: 'Washer' }, alice))!);
    await room.flush();
    const removal = a.edit((doc) => removeItem(doc, 'washer', alice))!;
    const racing = b.edit((doc) => setFields(doc, 'washer', { current_stock: 1, reorder_point: 2 }, bob))!;
    a.deliver(removal);
    b.deliver(racing);
    await room.flush();
    // B edits offline, then reconnects: its sync step 2 repeats deletions the room has.
    room.leave(b);
    b.edit((doc) => removeItem(doc, 'bolt', bob));
    b.edit((doc) => addItem(doc, { id: 'nut', name: 'Nut' }, bob));
    b.resync();
    await room.flush();
    a.resync();
    await room.flush();

    expect(room.rebuildCount).toBe(0);
    expectSameDoc(a.doc, room.doc);
    expectSameDoc(b.doc, room.doc);
    expectSameDoc(copyOf(room.doc), room.doc);
    expectSameDoc(await reloaded(), room.doc);
  });

  it('when an honest update completes a forged one Yjs held back, the doc is rebuilt from what Yjs encoded', async () => {
    const a = TestPeer.inSync(room, 1);
    const observer = TestPeer.inSync(room);
    // Left and right neighbour the same struct (no honest client writes that), held back until client 1's first item exists.
    const forged = writeUpdate([
      {
        client: 101,
        clock: 0,
        structs: [
          { kind: 'item', origin: [1, 0], rightOrigin: [1, 0], content: { kind: 'any', values: [1] } },
        ],
      },
    ]);
    room.receive(observer, { kind: 'update', update: forged });
    a.deliver(a.edit((doc) => addItem(doc, { id: 'i0', name: 'I0' }, alice))!);
    await room.flush();

    expect(room.rebuildCount).toBe(1);
    expectSameDoc(copyOf(room.doc), room.doc);
    expectSameDoc(observer.doc, room.doc);
    expectSameDoc(a.doc, room.doc);
    expectSameDoc(await reloaded(), room.doc);
  });

  it('a sync step 2 asked for while updates are on their way to the store is sent once they are stored', async () => {
    const a = TestPeer.inSync(room, 1);
    const late = new ReplyRecorder();
    room.join(late);
    a.deliver(a.edit((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, alice))!);
    room.receive(late, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    expect(late.replies).toEqual([]);
    await room.flush();
    expect(late.replies).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, late.replies[0]!);
    expectSameDoc(doc, room.doc);
    // With nothing on its way, the answer is immediate.
    room.receive(late, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    expect(late.replies).toHaveLength(2);
  });

  it('whenStored() resolves once what the doc holds at the call is stored, and at once when nothing is pending', async () => {
    const a = TestPeer.inSync(room, 1);
    await room.whenStored();
    a.deliver(a.edit((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, alice))!);
    let stored = false;
    const waiting = room.whenStored().then(() => (stored = true));
    await Promise.resolve();
    expect(stored).toBe(false);
    await room.flush();
    await waiting;
    expect((await store.load('apply')).lastSeq).toBe(1);
  });

  it('an update held back for a missing struct stays out of the doc, its encoding and the store until that arrives', async () => {
    const there = new Y.Doc();
    there.clientID = 7;
    const thereUpdates: Uint8Array[] = [];
    there.on('update', (u: Uint8Array) => thereUpdates.push(u));
    addItem(there, { id: 'bolt', name: 'Bolt' }, bob);
    const here = TestPeer.inSync(room, 8);
    Y.applyUpdate(here.doc, thereUpdates[0]!);
    const dependent = here.edit((doc) => setFields(doc, 'bolt', { current_stock: 3 }, alice))!;

    here.deliver(dependent);
    await room.flush();
    const encoded = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(room.doc)));
    expect(encoded.has(8)).toBe(false);
    expect(Y.decodeStateVector(Y.encodeStateVector(room.doc)).has(8)).toBe(false);
    expect((await store.load('apply')).lastSeq).toBe(0);

    room.submit(thereUpdates[0]!);
    await room.flush();
    expectSameDoc(here.doc, room.doc);
    expectSameDoc(await reloaded(), room.doc);
  });
});

describe('Room: loading a room stored as one snapshot', () => {
  /** A store holding room "lazy" as one snapshot (one item, "bolt"), and the peer that wrote it. */
  async function withSnapshotRoom(fn: (store: SqliteStore, writer: TestPeer) => Promise<void>) {
    const dir = tempDir('stockroom-lazy-');
    const store = SqliteStore.open(dir);
    try {
      const first = await Room.load('lazy', store, OPTIONS);
      const writer = TestPeer.inSync(first, 1);
      writer.deliver(writer.edit((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, alice))!);
      await first.close(); // folds the log into one snapshot
      await fn(store, writer);
    } finally {
      await store.close();
      removeDir(dir);
    }
  }

  it('answers a fresh client with the stored bytes, then builds the doc and asks every peer for what it lacks', async () => {
    await withSnapshotRoom(async (store, writer) => {
      const stored = await store.load('lazy');
      expect(stored.updates).toEqual([]);

      const room = await Room.load('lazy', store, OPTIONS);
      expect(room.hasDoc).toBe(false);
      const fresh = new ReplyRecorder();
      const frames: Uint8Array[] = [];
      room.join({ send: (frame) => (frames.push(frame), fresh.send(frame)) });
      room.receive(fresh, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
      // Its answer to the room's (not yet sent) state vector: nothing to add.
      room.submit(Y.encodeStateAsUpdate(new Y.Doc()));
      expect(room.hasDoc).toBe(false);
      expect(Buffer.from(fresh.replies[0]!).equals(Buffer.from(stored.snapshot!))).toBe(true);

      // Built shortly after; the peer that joined meanwhile gets the state vector then.
      await waitFor(() => room.hasDoc, 'the doc to be built');
      const stepOne = frames.find(
        (frame) => frame[0] === MessageTag.sync && frame[1] === syncProtocol.messageYjsSyncStep1,
      );
      expect(stepOne).toBeDefined();
      expectSameDoc(room.doc, writer.doc);
      await room.close();
    });
  });

  it('builds the doc at once when something needs it before', async () => {
    await withSnapshotRoom(async (store) => {
      const room = await Room.load('lazy', store, OPTIONS);
      const other = TestPeer.inSync(room, 2); // reads room.doc
      expect(room.hasDoc).toBe(true);
      other.deliver(other.edit((doc) => setFields(doc, 'bolt', { current_stock: 2 }, bob))!);
      await room.flush();
      expectSameDoc(other.doc, room.doc);
      await room.close();
    });
  });
});

describe('Room: awareness', () => {
  it('forwards what changed in one tick as one frame, and a removal at once', async () => {
    const dir = tempDir('stockroom-awareness-');
    const store = SqliteStore.open(dir);
    try {
      const room = await Room.load('aw', store, OPTIONS);
      const frames: Uint8Array[] = [];
      const observer: RoomPeer = { send: (frame) => void frames.push(frame) };
      room.join(observer);
      const awarenessFrames = () => frames.filter((frame) => frame[0] === MessageTag.awareness);
      const peers = [1, 2, 3].map((id) => {
        const doc = new Y.Doc();
        doc.clientID = id;
        const awareness = new awarenessProtocol.Awareness(doc);
        const peer: RoomPeer = { send: () => undefined };
        room.join(peer);
        return { awareness, peer };
      });
      for (const { awareness, peer } of peers) {
        awareness.setLocalStateField('user', { name: `u${awareness.clientID}` });
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
        room.receive(peer, { kind: 'awareness', update });
      }
      expect(awarenessFrames()).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(awarenessFrames()).toHaveLength(1);
      const mirror = new awarenessProtocol.Awareness(new Y.Doc());
      const decoder = decoding.createDecoder(awarenessFrames()[0]!);
      decoding.readVarUint(decoder);
      awarenessProtocol.applyAwarenessUpdate(mirror, decoding.readVarUint8Array(decoder), null);
      expect([...mirror.getStates().keys()].filter((id) => id !== mirror.clientID).sort()).toEqual([1, 2, 3]);

      room.leave(peers[0]!.peer);
      expect(awarenessFrames()).toHaveLength(2);
      peers.forEach(({ awareness }) => awareness.destroy());
      mirror.destroy();
      await room.close();
    } finally {
      await store.close();
      removeDir(dir);
    }
  });
});
