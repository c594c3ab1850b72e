import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { Room, type RoomPeer } from '../../../server/sync/room/room.js';
import { removeDir, tempDir } from '../../helpers/temp-dir.js';

/** Room.applyRemote: updates another process committed (docs/SCALING.md S4, S7). */
describe('Room.applyRemote', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  const open = async () => {
    const dir = tempDir('stockroom-remote-');
    dirs.push(dir);
    const store = SqliteStore.open(dir);
    const room = await Room.load('r', store, {
      logger: createLogger('silent'),
      compactAfterUpdates: 500,
      compactAfterBytes: 1 << 30,
    });
    return { store, room };
  };
  const updatesOf = (doc: Y.Doc): Uint8Array[] => {
    const list: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => list.push(u));
    return list;
  };

  it('forwards only what is new, and ignores what it has', async () => {
    const { store, room } = await open();
    const frames: Uint8Array[] = [];
    const peer: RoomPeer = { send: (f) => frames.push(f) };
    room.join(peer);
    frames.length = 0;
    const other = new Y.Doc();
    const u = updatesOf(other);
    other.getMap('m').set('k', 1);
    await store.append('r', [u[0]!]);
    room.applyRemote(1, 1, u[0]!);
    room.applyRemote(1, 1, u[0]!);
    expect(room.doc.getMap('m').toJSON()).toEqual({ k: 1 });
    expect(frames).toHaveLength(1);
    expect(room.seq).toBe(1);
    await room.close();
    await store.close();
  });

  it('stores a local update that waited for a remote one it depends on', async () => {
    const { store, room } = await open();
    // Another process's client creates a nested map (U); a client here edits inside it (V).
    const there = new Y.Doc();
    const u = updatesOf(there);
    there.getMap('m').set('item', new Y.Map());
    const here = new Y.Doc();
    Y.applyUpdate(here, u[0]!);
    const v = updatesOf(here);
    (here.getMap('m').get('item') as Y.Map<number>).set('stock', 7);
    // V reaches this room before U does: Yjs holds it back, nothing is stored yet.
    room.submit(v[0]!);
    await room.flush();
    expect((await store.load('r')).lastSeq).toBe(0);
    // U was committed elsewhere (seq 1) and arrives: V is complete now and must be stored.
    await store.append('r', [u[0]!]);
    room.applyRemote(1, 1, u[0]!);
    await room.flush();
    const stored = await store.load('r');
    expect(stored.lastSeq).toBe(2);
    const fresh = new Y.Doc();
    stored.updates.forEach((update) => Y.applyUpdate(fresh, update));
    expect(fresh.getMap('m').toJSON()).toEqual({ item: { stock: 7 } });
    expect(room.doc.getMap('m').toJSON()).toEqual({ item: { stock: 7 } });
    await room.close();
    await store.close();
  });
});
