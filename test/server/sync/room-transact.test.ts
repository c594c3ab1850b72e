import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { addItem, itemsOf, setFields } from '../../../shared/items.js';
import type { AgentOrigin } from '../../../shared/origins.js';
import { createLogger } from '../../../server/logger.js';
import { Room, type RoomOptions } from '../../../server/sync/room/room.js';
import { MemoryStore } from '../../helpers/memory-store.js';
import { copyOf, expectSameDoc, TestPeer } from '../../helpers/room-peer.js';

/**
 * Room.transact: the server's own writers (agents, the seed) edit the live
 * room doc in one tagged transaction, and the change takes a peer's way:
 * stored, then forwarded (DUR-1); a write that throws leaves nothing
 * anywhere (SYNC-7, as for a peer's update).
 */
const OPTIONS: RoomOptions = {
  logger: createLogger('silent'),
  compactAfterUpdates: 10_000,
  compactAfterBytes: 1 << 26,
};
const AGENT: AgentOrigin = Object.freeze({
  source: 'agent',
  agentId: 'inventory',
  requestId: 'req-1',
  requestedBy: 'alice',
});
const alice = { source: 'user', userId: 'alice' } as const;

describe('Room.transact', () => {
  let store: MemoryStore;
  let room: Room;

  beforeEach(async () => {
    store = new MemoryStore();
    room = await Room.load('t', store, OPTIONS);
  });

  afterEach(async () => {
    await room.close();
    await store.close();
  });

  it("tags the transaction with the writer's origin, as doc observers see it, and returns fn's result", () => {
    const origins: unknown[] = [];
    room.doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    const id = room.transact((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, AGENT), AGENT);
    expect(id).toBe('bolt');
    expect(origins).toEqual([AGENT]);
    expect(itemsOf(room.doc).get('bolt')?.get('name')).toBe('Bolt');
  });

  it('stores the change before a joined peer receives it, once, with no echo', async () => {
    const peer = TestPeer.inSync(room);
    const events: string[] = [];
    const append = store.append.bind(store);
    vi.spyOn(store, 'append').mockImplementation(async (name, updates) => {
      const seq = await append(name, updates);
      events.push(`stored ${seq}`);
      return seq;
    });
    const receivedBefore = peer.received.length;
    room.transact((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, AGENT), AGENT);
    expect(peer.received).toHaveLength(receivedBefore);

    const forwarded = new Promise<void>((resolve) => {
      const send = peer.send.bind(peer);
      peer.send = (frame) => {
        events.push('forwarded');
        send(frame);
        resolve();
      };
    });
    await room.whenStored();
    await forwarded;
    expect(events).toEqual(['stored 1', 'forwarded']);
    expect(peer.received).toHaveLength(receivedBefore + 1);
    expectSameDoc(peer.doc, room.doc);
    expect((await store.load('t')).lastSeq).toBe(1);
  });

  it('a fn that throws after writing leaves the doc, the store and the peers as they were, and rethrows', async () => {
    const peer = TestPeer.inSync(room);
    room.transact(
      (doc) => addItem(doc, { id: 'bolt', name: 'Bolt', data: { current_stock: 1 } }, AGENT),
      AGENT,
    );
    await room.whenStored();
    const before = copyOf(room.doc);
    const received = peer.received.length;

    expect(() =>
      room.transact((doc) => {
        setFields(doc, 'bolt', { current_stock: 99 }, AGENT);
        addItem(doc, { id: 'nut', name: 'Nut' }, AGENT);
        throw new Error('half-way');
      }, AGENT),
    ).toThrow('half-way');

    expectSameDoc(room.doc, before, 'room after a refused write');
    await room.flush();
    expect(peer.received).toHaveLength(received);
    expect((await store.load('t')).lastSeq).toBe(1);
    // The room goes on: the next write is stored and forwarded as usual.
    room.transact((doc) => setFields(doc, 'bolt', { current_stock: 2 }, AGENT), AGENT);
    await room.flush();
    expectSameDoc(peer.doc, room.doc);
    expect(itemsOf(room.doc).has('nut')).toBe(false);
    const reloaded = await Room.load('t', store, OPTIONS);
    expectSameDoc(reloaded.doc, room.doc, 'reloaded');
    await reloaded.close();
  });

  it('nested calls join the outer transaction: one change, stored and forwarded once', async () => {
    const peer = TestPeer.inSync(room);
    const received = peer.received.length;
    room.transact(() => {
      room.transact((doc) => addItem(doc, { id: 'a', name: 'A' }, AGENT), AGENT);
      room.transact((doc) => addItem(doc, { id: 'b', name: 'B' }, AGENT), AGENT);
    }, AGENT);
    await room.flush();
    expect(peer.received).toHaveLength(received + 1);
    expect((await store.load('t')).updates).toHaveLength(1);
    expectSameDoc(peer.doc, room.doc);
  });

  it('applies alongside peers: a peer edit and a server write of the same item converge everywhere', async () => {
    const a = TestPeer.inSync(room, 1);
    a.deliver(a.edit((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, alice))!);
    await room.flush();
    const fromPeer = a.edit((doc) => setFields(doc, 'bolt', { current_stock: 5 }, alice))!;
    room.transact((doc) => setFields(doc, 'bolt', { reorder_point: 3 }, AGENT), AGENT);
    a.deliver(fromPeer);
    await room.flush();
    expect(room.rebuildCount).toBe(0);
    expectSameDoc(a.doc, room.doc);
    const reloaded = await Room.load('t', store, OPTIONS);
    expectSameDoc(reloaded.doc, room.doc, 'reloaded');
    await reloaded.close();
  });

  it('a write past transact (straight to room.doc) is still stored before it is forwarded', async () => {
    const peer = TestPeer.inSync(room);
    const received = peer.received.length;
    addItem(room.doc, { id: 'stray', name: 'Stray' }, AGENT);
    expect(peer.received).toHaveLength(received);
    await room.flush();
    expect(peer.received).toHaveLength(received + 1);
    expect((await store.load('t')).lastSeq).toBe(1);
  });

  it('refuses once the room is closed', async () => {
    await room.close();
    expect(() => room.transact((doc) => addItem(doc, { id: 'late', name: 'Late' }, AGENT), AGENT)).toThrow(
      /closed/,
    );
  });
});

describe('Room.transact on a room stored as one snapshot', () => {
  it('builds the doc first, then writes to it', async () => {
    const store = new MemoryStore();
    try {
      const first = await Room.load('lazy', store, OPTIONS);
      first.transact((doc) => addItem(doc, { id: 'bolt', name: 'Bolt' }, AGENT), AGENT);
      await first.close(); // folds the log into one snapshot
      expect((await store.load('lazy')).updates).toEqual([]);

      const room = await Room.load('lazy', store, OPTIONS);
      expect(room.hasDoc).toBe(false);
      room.transact((doc) => addItem(doc, { id: 'nut', name: 'Nut' }, AGENT), AGENT);
      expect(room.hasDoc).toBe(true);
      await room.whenStored();
      const reloaded = await Room.load('lazy', store, OPTIONS);
      expect([...itemsOf(reloaded.doc).keys()].sort()).toEqual(['bolt', 'nut']);
      await reloaded.close();
      await room.close();
    } finally {
      await store.close();
    }
  });
});
