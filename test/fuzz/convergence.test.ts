import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsOf, removeItem, setFields } from '../../shared/items.js';
import type { WriteOrigin } from '../../shared/origins.js';
import { MessageTag } from '../../shared/protocol.js';
import { createLogger } from '../../server/logger.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { decodeClientFrame, updateFrame } from '../../server/sync/frames.js';
import { LocalPeer } from '../../server/sync/local-peer.js';
import { Room, type RoomPeer } from '../../server/sync/room/room.js';
import { fingerprint } from '../helpers/clients.js';
import { Random } from '../helpers/random.js';
import { removeDir, tempDir } from '../helpers/temp-dir.js';

/**
 * Convergence fuzz (STYLE §13): N simulated clients and the agent peer edit
 * one room through the transport-free Room core with a real SQLite store;
 * the scheduler picks random delivery order and random disconnects. At the
 * end every doc has equal JSON and state vector. A failing seed is printed;
 * keep it in REGRESSION_SEEDS.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);
const STEPS = 250;
const REGRESSION_SEEDS: number[] = [];
const FROM_SERVER = { source: 'remote', via: 'connection' } as const;
const FIELDS = ['current_stock', 'max_stock', 'reorder_point', 'supplier'] as const;

class SimClient implements RoomPeer {
  readonly doc = new Y.Doc();
  readonly inbox: Uint8Array[] = [];
  readonly outbox: Uint8Array[] = [];
  connected = false;
  readonly origin: WriteOrigin;

  constructor(
    readonly id: number,
    private readonly room: Room,
  ) {
    this.origin = { source: 'user', userId: `u${id}` };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.connected && origin !== FROM_SERVER) this.outbox.push(updateFrame(update));
    });
  }

  send(frame: Uint8Array): void {
    if (this.connected) this.inbox.push(frame);
  }

  connect(): void {
    this.connected = true;
    this.room.join(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageTag.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.outbox.push(encoding.toUint8Array(encoder));
  }

  disconnect(): void {
    this.connected = false;
    this.room.leave(this);
    this.inbox.length = 0;
    this.outbox.length = 0;
  }

  deliverToClient(): void {
    const frame = this.inbox.shift()!;
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageTag.sync);
    syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
    if (encoding.length(reply) > 1) this.outbox.push(encoding.toUint8Array(reply));
  }

  deliverToServer(): void {
    this.room.receive(this, decodeClientFrame(this.outbox.shift()!));
  }
}

function randomEdit(rng: Random, doc: Y.Doc, origin: WriteOrigin, label: string, step: number): void {
  const ids = [...itemsOf(doc).keys()];
  const roll = rng.next();
  if (roll < 0.3 || ids.length === 0) {
    addItem(
      doc,
      { id: `${label}-${step}`, name: `Item ${step}`, data: { current_stock: rng.int(100) } },
      origin,
    );
  } else if (roll < 0.4) {
    removeItem(doc, rng.pick(ids), origin);
  } else {
    const field = rng.pick(FIELDS);
    setFields(
      doc,
      rng.pick(ids),
      { [field]: field === 'supplier' ? `S${rng.int(5)}` : rng.int(500) },
      origin,
    );
  }
}

async function runSeed(seed: number): Promise<void> {
  const rng = new Random(seed);
  const dir = tempDir('stockroom-fuzz-');
  const store = SqliteStore.open(dir);
  const room = await Room.load('fuzz', store, {
    logger: createLogger(process.env['FUZZ_LOG'] ?? 'silent'),
    compactAfterUpdates: 40,
    compactAfterBytes: 1 << 20,
  });
  const clients = Array.from({ length: 2 + rng.int(4) }, (_, i) => new SimClient(i, room));
  clients.forEach((c) => c.connect());
  const agent = new LocalPeer(room);
  const agentOrigin: WriteOrigin = {
    source: 'agent',
    agentId: 'inventory',
    requestId: 'r',
    requestedBy: 'u0',
  };
  try {
    for (let step = 0; step < STEPS; step++) {
      const client = rng.pick(clients);
      const roll = rng.next();
      if (roll < 0.3) randomEdit(rng, client.doc, client.origin, `c${client.id}`, step);
      else if (roll < 0.36) randomEdit(rng, agent.doc, agentOrigin, 'agent', step);
      else if (roll < 0.6 && client.outbox.length > 0) client.deliverToServer();
      else if (roll < 0.85 && client.inbox.length > 0) client.deliverToClient();
      else if (roll < 0.93) await room.flush();
      else if (client.connected) client.disconnect();
      else client.connect();
    }
    clients.forEach((c) => c.connected || c.connect());
    for (let round = 0; round < 1000; round++) {
      for (const c of clients) while (c.outbox.length > 0) c.deliverToServer();
      await room.flush();
      for (const c of clients) while (c.inbox.length > 0) c.deliverToClient();
      if (clients.every((c) => c.inbox.length === 0 && c.outbox.length === 0)) break;
    }
    const expected = fingerprint(room.doc);
    for (const c of clients) expect(fingerprint(c.doc), `client ${c.id}`).toEqual(expected);
    expect(fingerprint(agent.doc), 'agent peer').toEqual(expected);
    // What the store holds is the same document.
    const reloaded = await Room.load('fuzz', store, {
      logger: createLogger(process.env['FUZZ_LOG'] ?? 'silent'),
      compactAfterUpdates: 40,
      compactAfterBytes: 1 << 20,
    });
    expect(fingerprint(reloaded.doc).json).toEqual(expected.json);
    await reloaded.close();
  } catch (error) {
    console.error(`convergence fuzz failed with seed ${seed}`);
    throw error;
  } finally {
    await agent.leave();
    await room.close();
    await store.close();
    removeDir(dir);
  }
}

describe('convergence fuzz', () => {
  for (const seed of REGRESSION_SEEDS) it(`regression seed ${seed}`, () => runSeed(seed));
  it(`${RUNS} random seeds converge`, async () => {
    const base = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);
    for (let i = 0; i < RUNS; i++) await runSeed(base + i);
  });
});
