import { describe, expect, it } from 'vitest';
import { isTerminal, type ProgressMessage } from '../../../shared/progress.js';
import { createLogger } from '../../../server/logger.js';
import { ClusterLine } from '../../../server/requests/cluster-line.js';
import { JobBook } from '../../../server/requests/jobs.js';
import {
  Orchestrator,
  type OrchestratorDeps,
  type RequestLine,
} from '../../../server/requests/orchestrator.js';
import { LocalProgressHub, type ProgressListener } from '../../../server/progress/hub.js';

/**
 * How requests end when the cluster-wide line or the progress hub fails
 * (docs/SCALING.md "Agent requests"; PROG-6, PROG-19: every request ends
 * with exactly one `complete` or `error`). The line is scripted
 * here; none of these requests reaches an agent.
 */

/** A request line whose every answer the test decides. */
class ScriptedLine implements RequestLine {
  readonly left: string[] = [];
  followSignal: AbortSignal | undefined;
  join: (room: string, requestId: string) => Promise<number | null> = () => Promise.resolve(0);
  turn: (room: string, requestId: string, signal: AbortSignal) => Promise<void> = (_r, _id, signal) =>
    untilAborted(signal);
  holder: () => Promise<'left' | 'dead'> = () => new Promise(() => undefined);

  follow(_room: string, _requestId: string, signal: AbortSignal): Promise<'left' | 'dead'> {
    this.followSignal = signal;
    return Promise.race([this.holder(), untilAborted(signal)]);
  }
  leave(_room: string, requestId: string): Promise<void> {
    this.left.push(requestId);
    return Promise.resolve();
  }
  cancelElsewhere(): boolean {
    return false;
  }
  orphan: (room: string, requestId: string) => void = () => undefined;
  onOrphan(handler: (room: string, requestId: string) => void): void {
    this.orphan = handler;
  }
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error));
  });
}

/** A hub that records every message, counts its listeners and can be told to fail. */
class RecordingHub extends LocalProgressHub {
  readonly messages: ProgressMessage[] = [];
  listeners = 0;
  failOn: (message: ProgressMessage) => boolean = () => false;
  override publish(room: string, message: ProgressMessage): void {
    if (this.failOn(message)) throw new Error('hub publish failed');
    this.messages.push(message);
    super.publish(room, message);
  }
  override subscribe(room: string, listener: ProgressListener): () => void {
    this.listeners += 1;
    const stop = super.subscribe(room, listener);
    return () => {
      this.listeners -= 1;
      stop();
    };
  }
}

function setup() {
  const line = new ScriptedLine();
  const hub = new RecordingHub();
  const logs: { msg: string; level: number }[] = [];
  const logger = createLogger('warn', {
    write: (text: string) => void logs.push(JSON.parse(text) as { msg: string; level: number }),
  });
  const unused = new Proxy(
    {},
    {
      get: () => {
        throw new Error('no request of this test reaches an agent');
      },
    },
  );
  const orchestrator = new Orchestrator({
    ...(unused as Omit<OrchestratorDeps, 'hub' | 'logger' | 'line' | 'limits'>),
    hub,
    logger,
    line,
    limits: { maxBulkItems: 10 },
  });
  const endOf = (requestId: string) => hub.messages.find((m) => m.requestId === requestId && isTerminal(m));
  return { line, hub, logs, orchestrator, endOf };
}

/** Fails the test instead of hanging it when `promise` never settles. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`not settled in ${ms} ms`)), ms),
    ),
  ]);
}

describe('a duplicate request held by another process (SCALING "Arrival")', () => {
  it('ends with one error, and stops listening, when the holding process is dead', async () => {
    const { line, hub, logs, orchestrator, endOf } = setup();
    line.join = () => Promise.resolve(null);
    line.holder = () => Promise.resolve('dead');
    const { requestId, finished } = orchestrator.submit({
      room: 'r',
      input: 'Add 5 items',
      requestId: 'dup',
    });
    await within(finished);
    expect(endOf(requestId)).toMatchObject({ type: 'error', data: { reason: 'unavailable' } });
    expect(hub.messages.filter((m) => m.requestId === requestId)).toHaveLength(1);
    expect(hub.listeners).toBe(0);
    expect(logs.some((l) => l.msg.includes('died before it ended'))).toBe(true);
    await within(orchestrator.close());
  });

  it("ends with the holder's own final message, and stops following it", async () => {
    const { line, hub, orchestrator } = setup();
    line.join = () => Promise.resolve(null);
    const { finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items', requestId: 'dup' });
    await new Promise((resolve) => setImmediate(resolve));
    // What the holding process publishes, as the cluster-wide hub delivers it here.
    hub.publish('r', {
      type: 'complete',
      requestId: 'dup',
      message: 'done',
      timestamp: new Date().toISOString(),
    });
    await within(finished);
    expect(line.followSignal?.aborted).toBe(true);
    expect(hub.messages.map((m) => m.type)).toEqual(['complete']);
    expect(hub.listeners).toBe(0);
  });

  it('ends with an error when the holder left but its final message never came', async () => {
    const { line, hub, logs } = setup();
    line.join = () => Promise.resolve(null);
    line.holder = () => Promise.resolve('left');
    const jobs = new JobBook(hub);
    const logger = createLogger('silent');
    const cluster = new ClusterLine(line, { hub, logger, jobs, finalMessageGraceMs: 20 });
    const job = jobs.open({ room: 'r', input: 'Add 5 items', requestId: 'dup' });
    cluster.join(job, () => expect.fail('a duplicate is not queued here'));
    await within(job.finished);
    expect(hub.messages).toMatchObject([
      { type: 'error', requestId: 'dup', data: { reason: 'unavailable' } },
    ]);
    expect(hub.listeners).toBe(0);
    expect(logs).toEqual([]);
  });

  it('stops following when the server closes, without speaking for the holder', async () => {
    const { line, hub, orchestrator } = setup();
    line.join = () => Promise.resolve(null);
    const { finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items', requestId: 'dup' });
    await new Promise((resolve) => setImmediate(resolve));
    await within(orchestrator.close());
    await within(finished);
    expect(hub.messages).toEqual([]);
    expect(hub.listeners).toBe(0);
  });
});

describe('a request whose process died, followed by nobody (SCALING "Known limits")', () => {
  it('is ended with one error on its room when the line hands it to this process', async () => {
    const { line, hub, endOf, orchestrator } = setup();
    const heard: ProgressMessage[] = [];
    hub.subscribe('r', (message) => heard.push(message));
    line.orphan('r', 'lost');
    expect(endOf('lost')).toMatchObject({ type: 'error', data: { reason: 'unavailable' } });
    expect(heard.map((m) => m.type)).toEqual(['error']);
    await within(orchestrator.close());
  });
});

describe('a join whose answer never came', () => {
  it('ends the request as unavailable and leaves the line, in case the join did run', async () => {
    const { line, orchestrator, endOf } = setup();
    line.join = () => Promise.reject(new Error('connection lost after the script ran'));
    const { requestId, finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await within(finished);
    expect(endOf(requestId)).toMatchObject({ type: 'error', data: { reason: 'unavailable' } });
    expect(line.left).toEqual([requestId]);
    await within(orchestrator.close());
  });
});

describe('a failure while queueing a request that joined the line', () => {
  it('ends the job with error, leaves the line and lets close() finish', async () => {
    const { line, hub, logs, orchestrator, endOf } = setup();
    let fail = true;
    hub.failOn = (m) => m.type === 'start' && fail;
    const { requestId, finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await within(finished);
    expect(endOf(requestId)).toMatchObject({ type: 'error', data: { reason: 'internal' } });
    expect(line.left).toEqual([requestId]);
    expect(logs.some((l) => l.msg === 'could not queue a request')).toBe(true);

    // The room is not left blocked: the next request takes its turn (and is cancelled by close()).
    fail = false;
    const next = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(hub.messages.some((m) => m.requestId === next.requestId && m.type === 'start')).toBe(true);
    await within(orchestrator.close());
    expect(endOf(next.requestId)).toMatchObject({ type: 'error', data: { reason: 'cancelled' } });
  });

  it('still releases the job when even its error cannot be published', async () => {
    const { line, hub, orchestrator } = setup();
    hub.failOn = () => true;
    const { requestId, finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await within(finished);
    expect(line.left).toEqual([requestId]);
    await within(orchestrator.close());
  });
});

describe('a failure while waiting for a turn', () => {
  it('is logged and ends the request with an error that does not claim a cancel', async () => {
    const { line, logs, orchestrator, endOf } = setup();
    line.turn = () => Promise.reject(new Error('connection reset'));
    const { requestId, finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await within(finished);
    const end = endOf(requestId);
    expect(end).toMatchObject({ type: 'error', data: { reason: 'unavailable' } });
    expect(end?.message).not.toMatch(/cancel/i);
    expect(logs.some((l) => l.level >= 50 && l.msg.includes('waiting for a turn'))).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(line.left).toEqual([requestId]);
  });

  it('still says cancelled when the wait was cancelled', async () => {
    const { orchestrator, endOf } = setup();
    const { requestId, finished } = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(orchestrator.cancel('r', requestId)).toBe(true);
    await within(finished);
    expect(endOf(requestId)).toMatchObject({
      type: 'error',
      message: 'Request cancelled before it started',
      data: { reason: 'cancelled' },
    });
  });
});

describe('a request cancelled while it waits behind another of this process', () => {
  it('leaves the cluster-wide line, or the room would wait on it for good', async () => {
    const { line, orchestrator, endOf } = setup();
    const first = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    const second = orchestrator.submit({ room: 'r', input: 'Add 5 items' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(orchestrator.cancel('r', second.requestId)).toBe(true);
    await within(second.finished);
    expect(endOf(second.requestId)).toMatchObject({ data: { reason: 'cancelled' } });
    expect(line.left).toEqual([second.requestId]);
    await within(orchestrator.close());
    expect(line.left).toEqual([second.requestId, first.requestId]);
  });
});
