import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectSynced, type StockClient } from '../helpers/clients.js';
import { captureRoomDoc } from '../helpers/room-doc.js';
import { startTestServer, type TestServer } from '../helpers/start-server.js';
import { removeDir } from '../helpers/temp-dir.js';

/**
 * Hostile frames on the progress channel (PROG-10…PROG-13, PROG-4):
 * arbitrary text, arbitrary JSON, binary frames and near-valid messages. A frame that is not a valid message gets exactly one
 * reply `{type: 'error', message}` — "Invalid JSON format" for non-JSON,
 * "Unknown message type: X" for an unknown type — the connection stays open
 * (a ping after the frames still gets its pong), and the document does not
 * change unless a frame was a valid request.
 *
 * Runs: FUZZ_RUNS (default 60); FUZZ_SEED replays one; fast-check prints the
 * seed and path of a failure.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const ROOM = 'fuzz-progress';
const TYPES = ['user_request', 'ping', 'cancel'];

type Frame = { binary: true; bytes: Uint8Array } | { binary: false; text: string };

/** A value or, with `undefined`, a field left out of the JSON. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const nearValid: fc.Arbitrary<string> = fc
  .record({
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...TYPES) },
      fc.constantFrom(
        'User_request',
        'PING',
        '',
        ' ping',
        'user_request ',
        'constructor',
        '__proto__',
        'toString',
      ),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(null, 1, true, [], {}),
    ),
    input: maybe(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('', '   ', '\n\t'),
        fc.constantFrom(0, null, false, [], {}),
        fc.constant('x'.repeat(10_001)),
      ),
    ),
    context: maybe(
      fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })), fc.jsonValue()),
    ),
    userId: maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', '  ', 'u'.repeat(201), 7))),
    requestId: maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', 5, null))),
  })
  .map((m) => JSON.stringify(m));

const frame: fc.Arbitrary<Frame> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ binary: false as const, text })),
  },
  {
    weight: 2,
    arbitrary: fc
      .jsonValue({ maxDepth: 3 })
      .map((v) => ({ binary: false as const, text: JSON.stringify(v) })),
  },
  { weight: 6, arbitrary: nearValid.map((text) => ({ binary: false as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '{"type":"ping"',
          '{"type":',
          '[',
          '"',
          'nul',
          '{"type":"ping"}}',
          '\u0000',
          '\ufeff{"type":"ping"}',
        ),
        fc.string({ maxLength: 10 }).map((s) => `{"type":${JSON.stringify(s)},`),
      )
      .map((text) => ({ binary: false as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 16 }).map((bytes) => ({ binary: true as const, bytes })),
  },
);

/** What the contract says the server answers, worked out without the server's code. */
type Expected =
  | { kind: 'error'; exact?: string }
  | { kind: 'pong' }
  /** A valid request: it runs, and its messages end with `complete` or `error`. */
  | { kind: 'request' };

const isBlank = (v: unknown) => typeof v !== 'string' || v.trim().length === 0;
const optionalText = (v: unknown) =>
  v === undefined || (typeof v === 'string' && !isBlank(v) && v.trim().length <= 200);

function expected(f: Frame): Expected {
  if (f.binary) return { kind: 'error' };
  let json: unknown;
  try {
    json = JSON.parse(f.text);
  } catch {
    return { kind: 'error', exact: 'Invalid JSON format' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'error' };
  const m = json as Record<string, unknown>;
  if (typeof m['type'] !== 'string') return { kind: 'error' };
  if (!TYPES.includes(m['type'])) return { kind: 'error', exact: `Unknown message type: ${m['type']}` };
  if (m['type'] === 'ping') return { kind: 'pong' };
  // A valid cancel names no running request here: that is an error too.
  if (m['type'] === 'cancel') return { kind: 'error' };
  const context = m['context'];
  const valid =
    !isBlank(m['input']) &&
    (m['input'] as string).trim().length <= 10_000 &&
    (context === undefined || (typeof context === 'object' && context !== null && !Array.isArray(context))) &&
    optionalText(m['userId']) &&
    optionalText(m['requestId']);
  return valid ? { kind: 'request' } : { kind: 'error' };
}

/** A progress socket whose messages are read one at a time. */
async function openChannel(url: string) {
  const ws = new WebSocket(url);
  const inbox: Record<string, unknown>[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  ws.on('message', (data: Buffer) => {
    inbox.push(JSON.parse(data.toString()) as Record<string, unknown>);
    wake?.();
  });
  ws.on('close', () => {
    closed = true;
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    async next(): Promise<Record<string, unknown>> {
      while (inbox.length === 0) {
        if (closed) throw new Error('the server closed the progress connection');
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return inbox.shift()!;
    },
    get pending() {
      return inbox.length;
    },
  };
}

describe('hostile progress frames', () => {
  let server: TestServer;
  let holder: StockClient;

  beforeAll(async () => {
    server = await startTestServer({ env: { REQUESTS_PER_MINUTE: '1000000' }, storage: 'memory' });
    // Keeps the room loaded, so that reading its state does not load and unload it.
    holder = await connectSynced(server.wsUrl, ROOM);
  });

  afterAll(async () => {
    holder?.destroy();
    await server?.close();
    if (server) removeDir(server.dataDir);
  });

  it(
    `${RUNS} runs: error replies as the contract says, the connection stays open, no edit`,
    { timeout: 60_000 + RUNS * 200 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 4 }), async (frames) => {
          const channel = await openChannel(`ws://127.0.0.1:${server.port}/progress/${ROOM}`);
          const doc = await captureRoomDoc(server, ROOM);
          let ranRequest = false;
          try {
            for (const f of frames) {
              const want = expected(f);
              channel.ws.send(f.binary ? f.bytes : f.text, { binary: f.binary });
              const reply = await channel.next();
              if (want.kind === 'request') {
                ranRequest = true;
                // Its messages, through exactly one terminal one.
                let message = reply;
                while (message['type'] !== 'complete' && message['type'] !== 'error')
                  message = await channel.next();
                expect(message['requestId'], 'a request ends with a message of its own').toBeTypeOf('string');
              } else if (want.kind === 'pong') {
                expect(reply).toMatchObject({ type: 'pong' });
              } else {
                expect(Object.keys(reply).sort(), `reply to ${JSON.stringify(f)}`).toEqual([
                  'message',
                  'type',
                ]);
                expect(reply['type']).toBe('error');
                expect(reply['message']).toBeTypeOf('string');
                if (want.exact !== undefined) expect(reply['message']).toBe(want.exact);
              }
            }
            // Still open, and nothing else was said.
            channel.ws.send(JSON.stringify({ type: 'ping' }));
            expect(await channel.next()).toEqual({ type: 'pong', message: expect.any(String) });
            expect(channel.pending).toBe(0);
            if (!ranRequest) await doc.expectUnchanged('the document after invalid frames');
          } finally {
            channel.ws.close();
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
  );
});
