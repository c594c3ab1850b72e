import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, setFields } from '../../../shared/items.js';
import { createLogger } from '../../../server/logger.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { updateFrame } from '../../../server/sync/frames.js';
import { Room, type RoomOptions } from '../../../server/sync/room/room.js';
import { copyOf, expectSameDoc, TestPeer, refuses } from '../../helpers/room-peer.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';
import { writeUpdate } from '../../helpers/update-writer.js';

/**
 * ISSUE 5 item 3: "an update that fails to apply must not leave the room
 * half-changed". Yjs validates an update's bytes (`Y.decodeUpdate`) but not
 * its references: an update can decode cleanly and still throw half-way
 * through `Y.applyUpdate`, after some of its structs are integrated. These
 * tests drive the transport-free Room with such updates and check that the
 * room, its store and its other peers stay exactly as if the update had
 * never been sent.
 */
const OPTIONS: RoomOptions = {
  logger: createLogger('silent'),
  compactAfterUpdates: 10_000,
  compactAfterBytes: 1 << 26,
};
/** An honest edit, sent to the room. */
function send(peer: TestPeer, edit: (doc: Y.Doc) => void): void {
  const frame = peer.edit(edit);
  if (!frame) throw new Error('the edit changed nothing');
  peer.deliver(frame);
}

const alice = { source: 'user', userId: 'alice' } as const;
const bob = { source: 'user', userId: 'bob' } as const;
const MALLORY = 4242;

/**
 * Updates that pass `Y.decodeUpdate` and throw inside `Y.applyUpdate` after
 * integrating their first struct (so a plain apply leaves that struct behind).
 */
const POISON: Record<string, () => Uint8Array> = {
  // Yjs checks that another client's referenced clocks exist, but trusts a client's references to its own
  // earlier clocks: one that points forward reads past the end of the struct list.
  'a forward reference to its own clock': () =>
    writeUpdate([
      {
        client: MALLORY,
        clock: 0,
        structs: [
          { kind: 'item', parent: 'items', parentSub: 'evil', content: { kind: 'any', values: ['x'] } },
          { kind: 'item', origin: [MALLORY, 9], content: { kind: 'any', values: [1] } },
        ],
      },
    ]),
  // An empty delete range for clocks the doc has not seen yet is kept as "pending"; re-encoding that
  // pending delete set throws (a zero length is invalid there) — after the structs were integrated.
  'an empty delete range for unseen clocks': () =>
    writeUpdate(
      [
        {
          client: MALLORY,
          clock: 0,
          structs: [
            { kind: 'item', parent: 'items', parentSub: 'evil', content: { kind: 'any', values: ['x'] } },
          ],
        },
      ],
      [{ client: MALLORY + 1, clock: 3, length: 0 }],
    ),
};

describe('Room: an update that fails to apply changes nothing', () => {
  let dir: string;
  let store: SqliteStore;
  let room: Room;

  beforeEach(async () => {
    dir = tempDir('stockroom-atomic-');
    store = SqliteStore.open(dir);
    room = await Room.load('atomic', store, OPTIONS);
  });

  afterEach(async () => {
    await room.close();
    await store.close();
    removeDir(dir);
  });

  async function reloaded(): Promise<Y.Doc> {
    const again = await Room.load('atomic', store, OPTIONS);
    const copy = copyOf(again.doc);
    await again.close();
    return copy;
  }

  /** A room with a couple of items from an honest peer, committed. */
  async function seeded(): Promise<{ writer: TestPeer; observer: TestPeer }> {
    const writer = TestPeer.inSync(room);
    send(writer, (doc) => addItem(doc, { id: 'bolt', name: 'Bolt', data: { current_stock: 4 } }, alice));
    send(writer, (doc) => addItem(doc, { id: 'nut', name: 'Nut' }, alice));
    await room.flush();
    const observer = TestPeer.inSync(room);
    return { writer, observer };
  }

  for (const [name, build] of Object.entries(POISON)) {
    describe(name, () => {
      it('decodes cleanly, and a plain Y.applyUpdate throws after changing the doc (the failure mode)', () => {
        const update = build();
        expect(() => Y.decodeUpdate(update)).not.toThrow();
        const doc = new Y.Doc();
        expect(() => Y.applyUpdate(doc, update)).toThrow();
        expect(doc.getMap('items').has('evil')).toBe(true);
      });

      it('is refused by the room: doc, store and other peers stay as they were', async () => {
        const { writer, observer } = await seeded();
        const before = copyOf(room.doc);
        const mallory = TestPeer.inSync(room);

        const refused = refuses(() => mallory.deliver(updateFrame(build())));
        await room.flush();

        expect(room.doc.getMap('items').has('evil')).toBe(false);
        expectSameDoc(room.doc, before);
        expect(observer.received).toEqual([]);
        expectSameDoc(await reloaded(), room.doc);
        // The room throws, so the connection closes this peer (SyncConnection.handle catches it).
        expect(refused).toBe(true);

        // The room goes on: the next honest update is stored, applied and forwarded.
        send(writer, (doc) => setFields(doc, 'bolt', { current_stock: 9 }, alice));
        await room.flush();
        expect(observer.received).toHaveLength(1);
        expectSameDoc(observer.doc, room.doc);
        expectSameDoc(writer.doc, room.doc);
        expectSameDoc(await reloaded(), room.doc);
      });
    });
  }

  it('a bad update in the same group commit as good ones poisons none of them', async () => {
    const { observer } = await seeded();
    const a = TestPeer.inSync(room);
    const b = TestPeer.inSync(room);
    const mallory = TestPeer.inSync(room);
    const fromA = a.edit((doc) => setFields(doc, 'bolt', { current_stock: 1 }, alice))!;
    const fromB = b.edit((doc) => addItem(doc, { id: 'washer', name: 'Washer' }, bob))!;
    // All three in one tick: one store append, one apply, one forwarded frame.
    a.deliver(fromA);
    const refused = refuses(() =>
      mallory.deliver(updateFrame(POISON['a forward reference to its own clock']!())),
    );
    b.deliver(fromB);
    await room.flush();

    const items = room.doc.getMap<Y.Map<unknown>>('items');
    expect([...items.keys()].sort()).toEqual(['bolt', 'nut', 'washer']);
    expect((items.get('bolt')!.get('data') as Y.Map<unknown>).get('current_stock')).toBe(1);
    expectSameDoc(observer.doc, room.doc);
    expectSameDoc(a.doc, room.doc);
    expectSameDoc(b.doc, room.doc);
    expectSameDoc(await reloaded(), room.doc);
    expect(refused).toBe(true);
  });

  it('an update that re-sends a known clock with other origins leaves room, peers, store and a fresh copy equal', async () => {
    // Yjs assumes re-sent clocks are identical to what it has and integrates only the new tail, taking its
    // neighbours partly from the old struct and partly from the new one. Applied raw, the room then holds a
    // structure that its own encoding does not reproduce: a fresh client (or a reload) builds another doc.
    const { observer } = await seeded();
    const victim = TestPeer.inSync(room);
    const items = () => victim.doc.getMap<Y.Map<unknown>>('items');
    send(victim, () => items().get('bolt')!.set('tags', new Y.Array()));
    send(victim, () => (items().get('bolt')!.get('tags') as Y.Array<number>).insert(0, [1, 2]));
    await room.flush();
    // The victim leaves first: a peer that receives structs under its own client id changes its id.
    room.leave(victim);
    const client = victim.doc.clientID;
    const state = Y.getState(victim.doc.store, client);
    const forged = writeUpdate([
      {
        client,
        clock: state - 1,
        structs: [{ kind: 'item', rightOrigin: [client, 0], content: { kind: 'any', values: [7, 8] } }],
      },
    ]);
    const mallory = TestPeer.inSync(room);
    // Refusing it is fine too; what matters is that everyone below agrees.
    refuses(() => mallory.deliver(updateFrame(forged)));
    await room.flush();

    expectSameDoc(copyOf(room.doc), room.doc);
    expectSameDoc(observer.doc, room.doc);
    expectSameDoc(await reloaded(), room.doc);
  });
});
