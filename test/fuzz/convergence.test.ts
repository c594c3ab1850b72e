import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem, itemsOf, removeItem, setFields } from '../../shared/items.js';
import type { AgentOrigin, UserOrigin, WriteOrigin } from '../../shared/origins.js';
import { createLogger } from '../../server/logger.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { Room } from '../../server/sync/room/room.js';
import { fingerprint } from '../helpers/clients.js';
import { Random } from '../helpers/random.js';
import { TestPeer } from '../helpers/room-peer.js';
import { removeDir, tempDir } from '../helpers/temp-dir.js';

/**
 * Convergence fuzz (STYLE §13): N simulated clients and an agent (writing
 * through room.transact, as agents do) edit one room through the
 * transport-free Room core with a real SQLite store; the scheduler picks
 * random delivery order and random disconnects. At the end every doc has
 * equal JSON and state vector. A failing seed is printed; keep it in
 * REGRESSION_SEEDS.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);
const STEPS = 250;
const REGRESSION_SEEDS: number[] = [];
const FIELDS = ['current_stock', 'max_stock', 'reorder_point', 'supplier'] as const;

/** A simulated client: a queued TestPeer, so the scheduler picks what is delivered when. */
interface SimClient {
  id: number;
  peer: TestPeer;
  origin: UserOrigin;
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
  const clients: SimClient[] = Array.from({ length: 2 + rng.int(4) }, (_, id) => ({
    id,
    peer: new TestPeer(room, { queued: true }),
    origin: { source: 'user', userId: `u${id}` },
  }));
  clients.forEach((c) => c.peer.connect());
  const agentOrigin: AgentOrigin = {
    source: 'agent',
    agentId: 'inventory',
    requestId: 'r',
    requestedBy: 'u0',
  };
  try {
    for (let step = 0; step < STEPS; step++) {
      const { id, peer, origin } = rng.pick(clients);
      const roll = rng.next();
      if (roll < 0.3) randomEdit(rng, peer.doc, origin, `c${id}`, step);
      else if (roll < 0.36)
        room.transact((doc) => randomEdit(rng, doc, agentOrigin, 'agent', step), agentOrigin);
      else if (roll < 0.6 && peer.outbox.length > 0) peer.sendNext();
      else if (roll < 0.85 && peer.inbox.length > 0) peer.readNext();
      else if (roll < 0.93) await room.flush();
      else if (peer.isJoined) peer.disconnect();
      else peer.connect();
    }
    const peers = clients.map((c) => c.peer);
    peers.forEach((p) => p.isJoined || p.connect());
    for (let round = 0; round < 1000; round++) {
      for (const p of peers) while (p.outbox.length > 0) p.sendNext();
      await room.flush();
      for (const p of peers) while (p.inbox.length > 0) p.readNext();
      if (peers.every((p) => p.inbox.length === 0 && p.outbox.length === 0)) break;
    }
    const expected = fingerprint(room.doc);
    for (const c of clients) expect(fingerprint(c.peer.doc), `client ${c.id}`).toEqual(expected);
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
