import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, type StockClient } from '../helpers/clients.js';
import { captureRoomDoc } from '../helpers/room-doc.js';
import { startTestServer, type TestServer } from '../helpers/start-server.js';
import { removeDir } from '../helpers/temp-dir.js';

/**
 * Hostile bodies for POST /api/rooms/<room>/requests (HTTP-4, HTTP-3):
 * arbitrary bytes and JSON under arbitrary content types. A malformed body (not JSON, not an object, `input` missing or blank,
 * `context` not an object, a bad optional field) gets 400 `{error}` and
 * leaves the document as it was; nothing ever gets a 5xx.
 *
 * Runs: FUZZ_RUNS (default 60); FUZZ_SEED replays one; fast-check prints the
 * seed and path of a failure.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const ROOM = 'fuzz-http';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const nearValid: fc.Arbitrary<unknown> = fc.record({
  input: maybe(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '  ', '\t\n'),
      fc.constantFrom(1, null, true, [], {}),
      fc.constant('y'.repeat(10_001)),
    ),
  ),
  context: maybe(
    fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })), fc.jsonValue()),
  ),
  userId: maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', 'u'.repeat(201), 3))),
  requestId: maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', 9, null))),
});

const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
  },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
  },
  { weight: 6, arbitrary: nearValid.map((v) => new TextEncoder().encode(JSON.stringify(v))) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"input":"x"',
        '{"input":',
        '',
        'input=Remove+item+1',
        '\ufeff{"input":"  "}',
        'null',
        '[]',
      )
      .map((s) => new TextEncoder().encode(s)),
  },
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/json; charset=utf-16',
  '',
  ';;;',
);
const accept = fc.constantFrom('application/json', 'text/event-stream', '*/*', '');

/** Whether the contract calls this body well-formed, worked out without the server's code. */
function wellFormed(bytes: Uint8Array): boolean {
  let json: unknown;
  try {
    // What fetch's Request.json() does: UTF-8 decode (BOM dropped, bad bytes replaced), then JSON.parse.
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return false;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const b = json as Record<string, unknown>;
  const text = (v: unknown, max: number) =>
    typeof v === 'string' && v.trim().length > 0 && v.trim().length <= max;
  const context = b['context'];
  return (
    text(b['input'], 10_000) &&
    (context === undefined || (typeof context === 'object' && context !== null && !Array.isArray(context))) &&
    (b['userId'] === undefined || text(b['userId'], 200)) &&
    (b['requestId'] === undefined || text(b['requestId'], 200))
  );
}

describe('hostile HTTP bodies', () => {
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
    `${RUNS} runs: 400 {error} for malformed bodies, never a 5xx, no edit`,
    { timeout: 60_000 + RUNS * 300 },
    async () => {
      await fc.assert(
        fc.asyncProperty(body, contentType, accept, async (bytes, type, acceptHeader) => {
          const doc = await captureRoomDoc(server, ROOM);
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (acceptHeader) headers['accept'] = acceptHeader;
          const res = await fetch(`${server.url}/api/rooms/${ROOM}/requests`, {
            method: 'POST',
            headers,
            body: bytes,
          });
          const text = await res.text();
          expect(res.status, `status for ${JSON.stringify(new TextDecoder().decode(bytes))}`).toBeLessThan(
            500,
          );
          if (wellFormed(bytes)) {
            // It ran (or was refused as a request: 409); its effect on the document is the agent's business.
            expect([200, 409]).toContain(res.status);
            return;
          }
          expect(res.status, `status for ${JSON.stringify(new TextDecoder().decode(bytes))}`).toBe(400);
          const answer = JSON.parse(text) as unknown;
          expect(answer).toEqual({ error: expect.any(String) });
          await doc.expectUnchanged('the document after a malformed body');
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
  );
});
