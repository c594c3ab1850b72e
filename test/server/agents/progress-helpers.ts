import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { AgentRequestResponseSchema } from '../../../shared/http.js';
import {
  isTerminal,
  ProgressMessageSchema,
  ServerMessageSchema,
  type PrimaryIntent,
  type ProgressMessage,
} from '../../../shared/progress.js';
import { waitFor } from '../../helpers/clients.js';

/**
 * Clients of the agents' two request paths (PROG-1…PROG-3, HTTP-2,
 * HTTP-3): a `ws` client of /progress/<room>, and POST
 * /api/rooms/<room>/requests as JSON and as server-sent events. Every frame
 * they receive is validated with the shared zod schema; what fails is kept
 * in `invalid` for the tests to assert on.
 */

export type Frame = Record<string, unknown>;
export type Context = Record<string, unknown>;

/** Long enough for a full demo forecast on a busy 2-core machine. */
export const REQUEST_TIMEOUT_MS = 45_000;

export interface Invalid {
  frame: string;
  problem: string;
}

export class ProgressClient {
  /** Every frame received, parsed as JSON, in arrival order. */
  readonly frames: Frame[] = [];
  readonly invalid: Invalid[] = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => this.receive(isBinary ? '<binary>' : data.toString()));
    ws.on('close', () => (this.closed = true));
  }

  static connect(baseUrl: string, room: string): Promise<ProgressClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/progress/${room}`);
    const client = new ProgressClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`progress upgrade refused with HTTP ${res.statusCode}`)),
      );
    });
  }

  private receive(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.invalid.push({ frame: text, problem: 'not JSON' });
      return;
    }
    const result = ServerMessageSchema.safeParse(frame);
    if (!result.success) this.invalid.push({ frame: text, problem: result.error.message });
    this.frames.push(frame as Frame);
  }

  /** Messages of requests (they carry a requestId). */
  get messages(): ProgressMessage[] {
    return this.frames.filter((f) => typeof f['requestId'] === 'string') as ProgressMessage[];
  }

  /** Replies to this socket's own frames: `pong`, or the `error` answer to a bad frame. */
  get replies(): Frame[] {
    return this.frames.filter((f) => !('requestId' in f));
  }

  ofRequest(requestId: string): ProgressMessage[] {
    return this.messages.filter((m) => m.requestId === requestId);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a `user_request` with a fresh client-chosen id and returns the id at once. */
  submit(input: string, context?: Context, options: { userId?: string } = {}): string {
    const requestId = `req-${randomUUID()}`;
    this.send({ type: 'user_request', input, context, userId: options.userId ?? 'tester', requestId });
    return requestId;
  }

  /** Resolves once `predicate` holds over what this client has received. */
  until(predicate: () => boolean, what: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<void> {
    return waitFor(predicate, what, timeoutMs);
  }

  async finished(requestId: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ProgressMessage[]> {
    await this.until(
      () => this.ofRequest(requestId).some(isTerminal),
      `request ${requestId} to end`,
      timeoutMs,
    );
    return this.ofRequest(requestId);
  }

  /** Sends a request and resolves with its messages once its `complete`/`error` arrived. */
  async request(input: string, context?: Context): Promise<ProgressMessage[]> {
    return this.finished(this.submit(input, context));
  }

  /** The next reply (no requestId) after those already received. */
  async nextReply(): Promise<Frame> {
    const seen = this.replies.length;
    await waitFor(() => this.replies.length > seen, 'a reply on the progress socket');
    return this.replies[seen]!;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

function requestsUrl(baseUrl: string, room: string): string {
  return `${baseUrl}/api/rooms/${room}/requests`;
}

/** POST a body (an object is sent as JSON, a string as is) and read the JSON answer. */
export async function postRequest(
  baseUrl: string,
  room: string,
  body: unknown,
): Promise<{ status: number; json: Frame }> {
  const res = await fetch(requestsUrl(baseUrl, room), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Frame };
}

export interface SseEvent {
  event: string;
  data: string;
  id?: string | undefined;
}

/** Splits complete `event:`/`data:`/`id:` blocks off the front of `buffer`. */
export function takeSseEvents(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const event: SseEvent = { event: 'message', data: '' };
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
    }
    event.data = data.join('\n');
    if (data.length > 0) events.push(event);
  }
  return { events, rest };
}

/** POST with `Accept: text/event-stream`, reading the stream frame by frame until it ends. */
export async function postRequestSse(
  baseUrl: string,
  room: string,
  body: unknown,
): Promise<{ status: number; contentType: string; events: SseEvent[]; messages: ProgressMessage[] }> {
  const res = await fetch(requestsUrl(baseUrl, room), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  const events: SseEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const taken = takeSseEvents(buffer + value);
    events.push(...taken.events);
    buffer = taken.rest;
  }
  events.push(...takeSseEvents(`${buffer}\n\n`).events);
  const messages = events.map((e) => ProgressMessageSchema.parse(JSON.parse(e.data)));
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', events, messages };
}

export const TRANSPORTS = ['progress-ws', 'http-json', 'http-sse'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/**
 * Runs one request over a transport and returns its messages, after checking
 * what is particular to that transport (HTTP status and body shape, one SSE
 * event per message named by its type, the stream ending at the terminal).
 */
export async function runOver(
  transport: Transport,
  baseUrl: string,
  room: string,
  input: string,
  context?: Context,
): Promise<ProgressMessage[]> {
  const body = { input, ...(context ? { context } : {}), userId: 'tester' };
  switch (transport) {
    case 'progress-ws': {
      const client = await ProgressClient.connect(baseUrl, room);
      try {
        const messages = await client.request(input, context);
        expect(client.invalid).toEqual([]);
        return messages;
      } finally {
        await client.close();
      }
    }
    case 'http-json': {
      const { status, json } = await postRequest(baseUrl, room, body);
      expect(status).toBe(200);
      expect(Object.keys(json).sort()).toEqual(['messages', 'requestId']);
      const { requestId, messages } = AgentRequestResponseSchema.parse(json);
      expect(new Set(messages.map((m) => m.requestId))).toEqual(new Set([requestId]));
      return messages;
    }
    case 'http-sse': {
      const { status, contentType, events, messages } = await postRequestSse(baseUrl, room, body);
      expect(status).toBe(200);
      expect(contentType).toMatch(/^text\/event-stream/);
      expect(events.map((e) => e.event)).toEqual(messages.map((m) => m.type));
      return messages;
    }
  }
}

/**
 * The shape every request's messages must have: all valid and of one request,
 * `start` first, `intent_analysis` second with the given primary intent, and
 * exactly one terminal message, last.
 */
export function expectWellFormedRun(
  messages: readonly ProgressMessage[],
  expected: { primary: PrimaryIntent; terminal: 'complete' | 'error' },
): void {
  const types = messages.map((m) => m.type);
  const summary = `${types.join(' ')} | last: ${messages.at(-1)?.message ?? '-'}`;
  for (const m of messages) {
    expect(ServerMessageSchema.safeParse(m).success, JSON.stringify(m)).toBe(true);
    expect(ProgressMessageSchema.safeParse(m).success, JSON.stringify(m)).toBe(true);
  }
  expect(new Set(messages.map((m) => m.requestId)).size, summary).toBe(1);
  expect(types.slice(0, 2), summary).toEqual(['start', 'intent_analysis']);
  const intent = (messages[1]!.data?.['intent'] ?? {}) as Record<string, unknown>;
  expect(intent['primary_intent'], summary).toBe(expected.primary);
  expect(messages.filter(isTerminal), summary).toHaveLength(1);
  expect(messages.at(-1)!.type, summary).toBe(expected.terminal);
}

export function terminalOf(messages: readonly ProgressMessage[]): ProgressMessage {
  const last = messages.at(-1);
  if (!last || !isTerminal(last)) throw new Error('the request has no terminal message');
  return last;
}

export function ofType(messages: readonly ProgressMessage[], type: string): ProgressMessage[] {
  return messages.filter((m) => m.type === type);
}
