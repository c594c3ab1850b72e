import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, itemsOf, removeItem, setFields } from '../../shared/items.js';
import { MessageTag } from '../../shared/protocol.js';
import { decodeClientFrame } from '../../server/sync/frames.js';
import { connectSynced, fingerprint, waitFor, type StockClient } from '../helpers/clients.js';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server.js';
import { fingerprintDigest } from '../helpers/digest.js';
import { removeDir } from '../helpers/temp-dir.js';

/**
 * Hostile sync frames against a real server (SYNC-6, SYNC-7, SYNC-3): while a stock
 * client edits a room, raw sockets on /yjs/<room> send arbitrary bytes and
 * y-websocket frames with a valid tag and sync subtype but corrupt payloads —
 * flipped, cut or extended update bytes, truncated, overlong and huge length
 * varints, garbage awareness. Each run checks: the server still answers
 * /api/health, a frame the decoder refuses closes its socket with 1003, the
 * healthy client never disconnects; at the end the healthy client and a fresh
 * one hold the same document and the server logged no error.
 *
 * Runs: FUZZ_RUNS (default 40); FUZZ_SEED replays one; fast-check prints the
 * seed and path of a failure.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const ROOM = 'fuzz-sync';
const healthy = { source: 'user', userId: 'healthy' } as const;

// ---- frame recipes (built at run time against the room's current state) ----

type Edit = 'add' | 'set' | 'remove' | 'nested';
type LengthPrefix = 'exact' | 'truncated-varint' | 'overlong-varint' | 'huge' | 'short';
type Recipe =
  | { kind: 'bytes'; bytes: Uint8Array }
  | {
      kind: 'sync';
      subtype: number;
      edit: Edit;
      flips: { at: number; byte: number }[];
      cut: number;
      extra: Uint8Array;
      prefix: LengthPrefix;
    }
  | { kind: 'awareness'; garbage: Uint8Array; asJson: string | null; clientID: number }
  | { kind: 'tag'; tag: number; rest: Uint8Array };

const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 48 }) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      subtype: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1, 2) }, fc.constantFrom(0, 3, 127, 128)),
      edit: fc.constantFrom<Edit>('add', 'set', 'remove', 'nested'),
      flips: fc.array(fc.record({ at: fc.nat(), byte: fc.nat({ max: 255 }) }), { maxLength: 3 }),
      cut: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat({ max: 40 })),
      extra: fc.oneof(
        { weight: 3, arbitrary: fc.constant(new Uint8Array()) },
        fc.uint8Array({ maxLength: 8 }),
      ),
      prefix: fc.constantFrom<LengthPrefix>(
        'exact',
        'exact',
        'truncated-varint',
        'overlong-varint',
        'huge',
        'short',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('awareness' as const),
      garbage: fc.uint8Array({ maxLength: 24 }),
      asJson: fc.option(fc.constantFrom('{"user":{"name":"x"}}', 'null', '{', '"\\u0000"', '[1,2'), {
        nil: null,
      }),
      clientID: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tag' as const),
      tag: fc.oneof(fc.constantFrom(2, 3, 4, 99), fc.nat()),
      rest: fc.uint8Array({ maxLength: 8 }),
    }),
  },
);

/** An edit made by a throwaway peer that has the room's state, so the update references real structs. */
function attackerUpdate(base: Y.Doc, edit: Edit, clientID: number): Uint8Array {
  const doc = new Y.Doc();
  // A corrupt frame may have planted structs under any client id: pick one nobody has used.
  while (Y.getState(base.store, clientID) > 0) clientID += 1;
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  let update: Uint8Array = new Uint8Array([0, 0]);
  doc.on('update', (u: Uint8Array) => (update = u));
  const origin = { source: 'user', userId: 'mallory' } as const;
  const ids = [...itemsOf(doc).keys()];
  try {
    if (edit === 'add' || ids.length === 0)
      addItem(doc, { id: `m-${clientID}`, name: 'Mallory', data: { current_stock: 1 } }, origin);
    else if (edit === 'set')
      setFields(doc, ids[clientID % ids.length]!, { current_stock: clientID % 97 }, origin);
    else if (edit === 'remove') removeItem(doc, ids[clientID % ids.length]!, origin);
    else doc.getMap('other').set('nested', new Y.Text('hello'));
  } catch {
    // Whatever the healthy client did meanwhile made the edit impossible: send the empty update.
  }
  doc.destroy();
  return update;
}

function lengthPrefixed(payload: Uint8Array, prefix: LengthPrefix): Uint8Array {
  const e = encoding.createEncoder();
  switch (prefix) {
    case 'exact':
      encoding.writeVarUint8Array(e, payload);
      break;
    case 'truncated-varint':
      // A continuation bit with nothing after it.
      encoding.writeUint8(e, 0x80 | (payload.length & 0x7f));
      break;
    case 'overlong-varint':
      // The same length spelled with redundant continuation bytes.
      encoding.writeUint8(e, 0x80 | (payload.length & 0x7f));
      encoding.writeUint8(e, 0x80 | ((payload.length >> 7) & 0x7f));
      encoding.writeUint8(e, 0x80);
      encoding.writeUint8(e, 0x00);
      encoding.writeUint8Array(e, payload);
      break;
    case 'huge':
      encoding.writeVarUint(e, 2 ** 40 + payload.length);
      encoding.writeUint8Array(e, payload);
      break;
    case 'short':
      encoding.writeVarUint(e, Math.max(0, payload.length - 3));
      encoding.writeUint8Array(e, payload);
      break;
  }
  return encoding.toUint8Array(e);
}

function build(r: Recipe, base: Y.Doc, clientID: number): Uint8Array {
  const e = encoding.createEncoder();
  switch (r.kind) {
    case 'bytes':
      return r.bytes;
    case 'sync': {
      const update = attackerUpdate(base, r.edit, clientID);
      for (const flip of r.flips) update[flip.at % update.length] = flip.byte;
      const cut = update.subarray(0, Math.max(0, update.length - r.cut));
      const payload = new Uint8Array([...cut, ...r.extra]);
      encoding.writeVarUint(e, MessageTag.sync);
      encoding.writeVarUint(e, r.subtype);
      encoding.writeUint8Array(e, lengthPrefixed(payload, r.prefix));
      return encoding.toUint8Array(e);
    }
    case 'awareness': {
      encoding.writeVarUint(e, MessageTag.awareness);
      if (r.asJson === null) {
        encoding.writeVarUint8Array(e, r.garbage);
      } else {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, r.clientID);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, r.asJson);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      }
      return encoding.toUint8Array(e);
    }
    case 'tag':
      encoding.writeVarUint(e, r.tag);
      encoding.writeUint8Array(e, r.rest);
      return encoding.toUint8Array(e);
  }
}

function decodes(frame: Uint8Array): boolean {
  try {
    const decoded = decodeClientFrame(frame);
    // Awareness bytes are decoded by the room; check them the same way.
    if (decoded.kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(
        new awarenessProtocol.Awareness(new Y.Doc()),
        decoded.update,
        null,
      );
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends the frames on a fresh socket once the room has taken it (its sync
 * step 1 arrived), then a WebSocket ping: the server handles frames in
 * order and answers the ping only if it kept the socket through them.
 * Resolves with the close code, or null if the socket stayed open.
 */
async function attack(url: string, frames: Uint8Array[]): Promise<number | null> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
  for (const frame of frames) ws.send(frame);
  ws.ping();
  const code = await Promise.race([
    closed,
    new Promise<null>((resolve) => ws.once('pong', () => resolve(null))),
  ]);
  if (code === null) {
    ws.close();
    await closed;
  }
  return code;
}

describe('hostile sync frames against a real server', () => {
  let server: SpawnedServer;
  let client: StockClient;
  let disconnects = 0;

  beforeAll(async () => {
    server = await spawnServer();
    client = await connectSynced(`ws://127.0.0.1:${server.port}/yjs`, ROOM);
    client.provider.on('connection-close', () => (disconnects += 1));
    for (let i = 0; i < 5; i++)
      addItem(client.doc, { id: `h-${i}`, name: `Healthy ${i}`, data: { current_stock: i } }, healthy);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  it(
    `${RUNS} runs: no crash, bad sockets closed with 1003, the healthy client unaffected`,
    { timeout: 60_000 + RUNS * 200 },
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(recipe, { minLength: 1, maxLength: 3 }), async (recipes) => {
          run += 1;
          // A client id of its own per run: the corrupt updates never collide with another peer's clocks.
          const frames = recipes.map((r, i) => build(r, client.doc, 1_000_000 + run * 16 + i));
          const code = await attack(`ws://127.0.0.1:${server.port}/yjs/${ROOM}`, frames);
          if (!frames.every(decodes))
            expect(code, 'a frame the decoder refuses closes its socket').toBe(1003);
          else if (code !== null) expect(code, 'a frame that does not apply closes its socket').toBe(1003);

          const health = await fetch(`${server.url}/api/health`);
          expect(health.status).toBe(200);
          expect(await health.json()).toEqual({ ok: true });
          expect(client.provider.wsconnected, 'the healthy client stays connected').toBe(true);
          // The healthy client goes on editing between attacks (a valid corrupt frame may have removed its item).
          try {
            setFields(client.doc, `h-${run % 5}`, { current_stock: run }, healthy);
          } catch {
            addItem(client.doc, { id: `h-${run}`, name: `Healthy ${run}` }, healthy);
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );

      expect(disconnects, 'the healthy client never lost its connection').toBe(0);
      const fresh = await connectSynced(`ws://127.0.0.1:${server.port}/yjs`, ROOM);
      try {
        // Key order aside (each doc keeps its own insertion order): the same items and state vector.
        await waitFor(
          () => fingerprintDigest(fresh.doc) === fingerprintDigest(client.doc),
          'the fresh client to see what the healthy client has',
          30_000,
        ).catch(() => undefined);
        expect(fingerprint(fresh.doc)).toEqual(fingerprint(client.doc));
      } finally {
        fresh.destroy();
      }
      const errors = server.logs.filter((line) => Number(line['level']) >= 50);
      expect(errors, 'server log lines at level error or above').toEqual([]);
    },
  );
});
