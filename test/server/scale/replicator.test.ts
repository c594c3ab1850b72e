import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger.js';
import { RedisBus, type Bus, type BusHandler } from '../../../server/scale/bus.js';
import { NodeLiveness } from '../../../server/scale/liveness.js';
import { RedisReplicator } from '../../../server/scale/replicator.js';
import { decodeRoomMessage, encodeRoomMessage } from '../../../server/scale/room-messages.js';
import { PostgresStore } from '../../../server/store/postgres.js';
import { Room } from '../../../server/sync/room/room.js';
import { waitFor } from '../../helpers/clients.js';
import { deleteRedisKeys, dropSchema, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from './services.js';

const logger = createLogger('silent');

/** A bus that can lose messages on purpose, in either direction. */
class LossyBus implements Bus {
  dropIncoming: (message: Buffer) => boolean = () => false;
  failOutgoing: (message: Buffer | string) => boolean = () => false;
  constructor(readonly inner: RedisBus) {}
  get node(): string {
    return this.inner.node;
  }
  get connected(): boolean {
    return this.inner.connected;
  }
  key(...parts: string[]): string {
    return this.inner.key(...parts);
  }
  subscribe(channel: string, handler: BusHandler): Promise<void> {
    return this.inner.subscribe(channel, (m) => this.dropIncoming(m) || handler(m));
  }
  unsubscribe(channel: string): void {
    this.inner.unsubscribe(channel);
  }
  publish(channel: string, message: Buffer | string): Promise<boolean> {
    return this.failOutgoing(message) ? Promise.resolve(false) : this.inner.publish(channel, message);
  }
  onReconnect(listener: () => void): () => void {
    return this.inner.onReconnect(listener);
  }
}

/** One "process": its own store connection, Redis connections, heartbeat and replicator. */
async function startProcess(name: string) {
  const store = await PostgresStore.open(TEST_DATABASE_URL, { schema: name, max: 2 });
  const bus = new LossyBus(await RedisBus.connect(TEST_REDIS_URL, name, logger));
  const liveness = new NodeLiveness(bus, bus.inner.cmd, 100, logger);
  await liveness.start();
  const replicator = new RedisReplicator(bus, store, liveness, logger);
  const room = await Room.load('r', store, {
    logger,
    compactAfterUpdates: 500,
    compactAfterBytes: 1 << 30,
    replicator,
  });
  return {
    bus,
    room,
    write(key: string): void {
      const doc = new Y.Doc();
      doc.on('update', (u: Uint8Array) => room.submit(u));
      doc.getMap('m').set(key, key);
    },
    async close() {
      await room.close();
      await liveness.close();
      await bus.inner.close();
      await store.close();
    },
  };
}

const isUpdate = (message: Buffer | string, seq: number): boolean => {
  if (typeof message === 'string') return false;
  const decoded = decodeRoomMessage(message);
  return decoded.kind === 'update' && decoded.first <= seq && seq <= decoded.last;
};

describe('RedisReplicator', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const twoProcesses = async () => {
    const name = uniqueName('sr_repl');
    cleanups.push(async () => {
      await dropSchema(name);
      await deleteRedisKeys(name);
    });
    const a = await startProcess(name);
    cleanups.push(() => a.close());
    const b = await startProcess(name);
    cleanups.push(() => b.close());
    return [a, b] as const;
  };
  const keys = (room: Room) => Object.keys(room.doc.getMap('m').toJSON()).sort();

  it('reads an update whose message was lost from the store, once a later one shows the gap', async () => {
    const [a, b] = await twoProcesses();
    b.bus.dropIncoming = (m) => isUpdate(m, 2);
    for (const key of ['k1', 'k2', 'k3']) {
      a.write(key);
      await a.room.flush();
    }
    await waitFor(() => b.room.seq === 3, 'b caught up through seq 3');
    expect(keys(b.room)).toEqual(['k1', 'k2', 'k3']);
  });

  it('announces a commit whose publish failed on the next heartbeat', async () => {
    const [a, b] = await twoProcesses();
    a.bus.failOutgoing = (m) => isUpdate(m, 1);
    a.write('only');
    await a.room.flush();
    // Nothing follows it, so only the head announcement can tell b.
    await waitFor(() => b.room.seq === 1, 'b learned of seq 1');
    expect(keys(b.room)).toEqual(['only']);
  });

  it('applies updates that arrive out of order and compacts only through what it has', async () => {
    const [a, b] = await twoProcesses();
    b.bus.dropIncoming = (m) => isUpdate(m, 1);
    a.write('first');
    await a.room.flush();
    b.write('second');
    await b.room.flush();
    // b's own commit is seq 2 while seq 1 is missing: not contiguous, so compaction must stop at 0.
    expect([b.room.seq, b.room.highestSeq]).toEqual([0, 2]);
    await b.room.close();
    const store = await PostgresStore.open(TEST_DATABASE_URL, { schema: a.bus.key(), max: 1 });
    const stored = await store.load('r');
    await store.close();
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    stored.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(Object.keys(doc.getMap('m').toJSON()).sort()).toEqual(['first', 'second']);
  });

  it('room messages survive a round trip', () => {
    const update = new Uint8Array([1, 2, 3]);
    for (const message of [
      { kind: 'update', node: 'n1', first: 4, last: 9, update },
      { kind: 'awareness', node: 'n1', update },
      { kind: 'query', node: 'n2' },
      { kind: 'head', node: 'n3', seq: 2 ** 40 },
    ] as const) {
      expect(decodeRoomMessage(encodeRoomMessage(message))).toEqual(message);
    }
    expect(() => decodeRoomMessage(new Uint8Array([9, 0]))).toThrow();
  });
});
