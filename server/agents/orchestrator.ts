import { ItemValidationError } from '../../shared/items.js';
import { isTerminal, type ProgressMessage, type ProgressType } from '../../shared/progress.js';
import type { MockData } from '../data/mock-data.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import { LocalPeer } from '../sync/local-peer.js';
import { RoomLimitError, type RoomRegistry } from '../sync/registry.js';
import { CancelledError, RequestError } from './errors.js';
import { dispatch, type HandlerTable } from './handler.js';
import { agentFor, AGENTS } from './identity.js';
import type { IntentParser } from './intents/parser.js';
import type { AgentMemory, MemoryEntry } from './memory/memory.js';
import { AgentRun, type RunRequest } from './run.js';

export interface OrchestratorDeps {
  registry: RoomRegistry;
  hub: ProgressHub;
  parser: IntentParser;
  memory: AgentMemory;
  data: MockData;
  handlers: HandlerTable;
  logger: Logger;
  limits: { maxBulkItems: number };
  /** Orders requests across server processes (server/scale); without it this process's queue alone does. */
  line?: RequestLine | undefined;
}

/** A room's requests in one line shared by every server process (docs/SCALING.md). */
export interface RequestLine {
  /**
   * Takes the request's place at arrival: how many requests of the room are
   * ahead in the whole cluster, or null when a live process already has this
   * request id (it runs there once; its messages reach every watcher).
   */
  join(room: string, requestId: string): Promise<number | null>;
  /** Resolves when the request is first in line; rejects once `signal` aborts. */
  turn(room: string, requestId: string, signal: AbortSignal): Promise<void>;
  /** Leaves the line so that the next request may start. Never rejects. */
  leave(room: string, requestId: string): Promise<void>;
  /** Asks the process running or queueing the request to cancel it; false when none is known to. */
  cancelElsewhere(room: string, requestId: string): boolean;
}

export interface SubmittedRequest {
  room: string;
  input: string;
  context?: Record<string, unknown> | undefined;
  userId?: string | undefined;
  requestId?: string | undefined;
}

interface Job {
  request: RunRequest;
  run?: AgentRun;
  /** Set while the job waits for its turn in the cluster-wide line. */
  waiting?: AbortController;
  cancelled: boolean;
  finished: Promise<void>;
  finish: () => void;
}

interface RoomQueue {
  running: Job | null;
  waiting: Job[];
}

/**
 * request → intent → agent → edits → progress messages. Requests of one room
 * run one at a time in arrival order; each runs as a LocalPeer of the room,
 * present in its awareness while it works.
 */
export class Orchestrator {
  private readonly queues = new Map<string, RoomQueue>();
  private readonly jobs = new Map<string, Job>();
  private closed = false;

  constructor(private readonly deps: OrchestratorDeps) {}

  /** Queues a request and returns its id; its messages go to the room's progress subscribers. */
  submit(submitted: SubmittedRequest): { requestId: string; finished: Promise<void> } {
    const requestId = submitted.requestId ?? globalThis.crypto.randomUUID();
    if (this.jobs.has(requestId)) throw new RequestError(`request id ${requestId} is already in use`);
    let finish!: () => void;
    const job: Job = {
      request: {
        requestId,
        room: submitted.room,
        input: submitted.input.trim(),
        context: submitted.context ?? {},
        userId: submitted.userId ?? 'anonymous',
      },
      cancelled: false,
      finished: new Promise<void>((resolve) => (finish = resolve)),
      finish: () => finish(),
    };
    this.jobs.set(requestId, job);
    if (this.deps.line && !this.closed) this.joinLine(job, this.deps.line);
    else this.enqueue(job);
    return { requestId, finished: job.finished };
  }

  private enqueue(job: Job, aheadInCluster?: number): void {
    const queue = this.queueOf(job.request.room);
    const ahead = aheadInCluster ?? (queue.running ? 1 : 0) + queue.waiting.length;
    queue.waiting.push(job);
    this.publish(
      job,
      'start',
      ahead > 0 ? `Queued behind ${ahead} request${ahead > 1 ? 's' : ''}` : 'Working on it',
      {
        input: job.request.input,
        queued: ahead > 0,
        position: ahead,
      },
    );
    if (this.closed || job.cancelled) this.cancelJob(job, this.closed ? 'server shutting down' : 'cancelled');
    else this.pump(job.request.room);
  }

  /** Across processes the place in line is taken at arrival, and the start message waits for it. */
  private joinLine(job: Job, line: RequestLine): void {
    const { room, requestId } = job.request;
    line.join(room, requestId).then(
      (ahead) => {
        if (ahead !== null) return this.enqueue(job, ahead);
        // The same request reached another process first: it runs there, exactly once.
        this.jobs.delete(requestId);
        const stop = this.deps.hub.subscribe(room, (message) => {
          if (message.requestId !== requestId || !isTerminal(message)) return;
          stop();
          job.finish();
        });
      },
      (error: unknown) => {
        this.deps.logger.error({ err: error, room, requestId }, 'could not join the request line');
        this.end(job, 'error', 'Requests cannot be scheduled right now; try again shortly', {
          reason: 'unavailable',
          affected: emptyAffected(),
        });
      },
    );
  }

  /** Cancels a running or queued request of the room. False when there is none with that id. */
  cancel(room: string, requestId: string): boolean {
    const job = this.jobs.get(requestId);
    if (!job || job.request.room !== room) return this.deps.line?.cancelElsewhere(room, requestId) ?? false;
    this.cancelJob(job, 'cancelled');
    return true;
  }

  private cancelJob(job: Job, why: string): void {
    job.cancelled = true;
    if (job.run) {
      job.run.cancel();
      return;
    }
    job.waiting?.abort(why);
    const queue = this.queues.get(job.request.room);
    if (queue && queue.waiting.includes(job)) {
      queue.waiting.splice(queue.waiting.indexOf(job), 1);
      this.end(job, 'error', `Request ${why} before it started`, {
        reason: 'cancelled',
        affected: emptyAffected(),
      });
    }
  }

  /** Stops taking work, cancels what runs and waits for it to end. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.jobs.values()];
    for (const job of pending) this.cancelJob(job, 'server shutting down');
    await Promise.all(pending.map((job) => job.finished));
  }

  private queueOf(room: string): RoomQueue {
    let queue = this.queues.get(room);
    if (!queue) {
      queue = { running: null, waiting: [] };
      this.queues.set(room, queue);
    }
    return queue;
  }

  private pump(room: string): void {
    const queue = this.queueOf(room);
    if (queue.running) return;
    const job = queue.waiting.shift();
    if (!job) {
      this.queues.delete(room);
      return;
    }
    queue.running = job;
    const line = this.deps.line;
    const done = line
      ? this.takeTurn(job, line).then((turn) => (turn ? this.execute(job) : undefined))
      : this.execute(job);
    void done.finally(() => {
      void line?.leave(room, job.request.requestId);
      queue.running = null;
      this.pump(room);
    });
  }

  /** Waits until the job is first in the cluster-wide line; false when it was cancelled meanwhile. */
  private async takeTurn(job: Job, line: RequestLine): Promise<boolean> {
    const waiting = new AbortController();
    job.waiting = waiting;
    try {
      await line.turn(job.request.room, job.request.requestId, waiting.signal);
      return true;
    } catch {
      const why = typeof waiting.signal.reason === 'string' ? waiting.signal.reason : 'cancelled';
      this.end(job, 'error', `Request ${why} before it started`, {
        reason: 'cancelled',
        affected: emptyAffected(),
      });
      return false;
    } finally {
      job.waiting = undefined;
    }
  }

  private async execute(job: Job): Promise<void> {
    const { request } = job;
    const { registry, parser, handlers, logger } = this.deps;
    let room;
    try {
      room = await registry.acquire(request.room);
    } catch (error) {
      if (error instanceof RoomLimitError)
        return this.end(job, 'error', error.message, { reason: 'unavailable' });
      logger.error({ err: error, room: request.room }, 'room failed to load for an agent request');
      return this.end(job, 'error', 'The room could not be loaded', { reason: 'internal' });
    }
    let run: AgentRun | undefined;
    let parsed;
    try {
      parsed = await parser.parse(request.input, request.context);
      const agent = parsed.intent.kind === 'general' ? AGENTS.inventory : agentFor(parsed.intent.kind);
      this.publish(
        job,
        'intent_analysis',
        parsed.explanation,
        {
          intent: { primary_intent: parsed.primary_intent, ...parsed.intent },
          confidence: parsed.confidence,
          parser: parsed.parser,
          problems: parsed.problems,
        },
        agent.id,
      );
      if (parsed.problems.length > 0) {
        throw new RequestError(`Cannot do that as asked: ${parsed.problems.join('; ')}`, 'invalid', {
          problems: parsed.problems,
        });
      }
      if (parsed.intent.kind === 'bulk' && parsed.intent.items.length > this.deps.limits.maxBulkItems) {
        throw new RequestError(
          `${parsed.intent.items.length} items is over the limit of ${this.deps.limits.maxBulkItems} per request`,
          'invalid',
        );
      }
      if (job.cancelled) throw new CancelledError();
      const peer = new LocalPeer(room);
      run = new AgentRun(request, agent, peer, this.deps.data, this.deps.memory, (m) =>
        this.deps.hub.publish(request.room, m),
      );
      job.run = run;
      if (job.cancelled) run.cancel();
      run.status(`Working on "${truncate(request.input, 60)}"`);
      const outcome = await dispatch(handlers, parsed.intent, run);
      await peer.settled();
      await this.remember(job, run, parsed.intent, 'complete', outcome.message);
      this.end(job, 'complete', outcome.message, { ...outcome.data, affected: affectedOf(run) }, agent.id);
    } catch (error) {
      if (run) await run.peer.settled();
      const affected = run ? affectedOf(run) : emptyAffected();
      if (error instanceof CancelledError) {
        if (run && parsed) await this.remember(job, run, parsed.intent, 'cancelled', 'cancelled');
        this.end(
          job,
          'error',
          `Cancelled${changedSomething(affected) ? '; edits made so far are kept' : ''}`,
          {
            reason: 'cancelled',
            affected,
          },
          run?.agent.id,
        );
      } else if (error instanceof RequestError || error instanceof ItemValidationError) {
        const reason =
          error instanceof RequestError
            ? ((error.details?.['reason'] as string | undefined) ?? error.reason)
            : 'invalid';
        const details = error instanceof RequestError ? error.details : { problems: error.problems };
        this.end(job, 'error', error.message, { reason, ...details, affected }, run?.agent.id);
      } else {
        logger.error(
          { err: error, requestId: request.requestId, room: request.room },
          'agent request failed',
        );
        if (run && parsed) await this.remember(job, run, parsed.intent, 'error', 'internal error');
        this.end(
          job,
          'error',
          'The agent hit an internal error; nothing more was changed',
          { reason: 'internal', affected },
          run?.agent.id,
        );
      }
    } finally {
      await run?.peer.leave();
      registry.release(request.room);
    }
  }

  private async remember(
    job: Job,
    run: AgentRun,
    intent: { kind: string },
    outcome: MemoryEntry['outcome'],
    message: string,
  ) {
    try {
      await this.deps.memory.record(job.request.room, {
        requestId: job.request.requestId,
        input: job.request.input,
        userId: job.request.userId,
        agentId: run.agent.id,
        intentKind: intent.kind,
        intent,
        outcome,
        message,
        added: run.added,
        removed: run.removed,
        changes: run.changes,
        at: new Date().toISOString(),
      });
    } catch (error) {
      this.deps.logger.error(
        { err: error, requestId: job.request.requestId },
        'could not store agent memory',
      );
    }
  }

  private end(
    job: Job,
    type: 'complete' | 'error',
    message: string,
    data: Record<string, unknown>,
    agentId?: string,
  ) {
    this.publish(job, type, message, data, agentId);
    this.jobs.delete(job.request.requestId);
    job.finish();
  }

  private publish(
    job: Job,
    type: ProgressType,
    message: string,
    data?: Record<string, unknown>,
    agentId?: string,
  ) {
    const msg: ProgressMessage = {
      type,
      requestId: job.request.requestId,
      message,
      timestamp: new Date().toISOString(),
      userId: job.request.userId,
      ...(agentId ? { agentId } : {}),
      ...(data ? { data } : {}),
    };
    this.deps.hub.publish(job.request.room, msg);
  }
}

function affectedOf(run: AgentRun): Affected {
  return {
    added: run.added,
    removed: run.removed.map((item) => item.id),
    updated: [...new Set(run.changes.map((c) => c.id))],
  };
}

interface Affected {
  added: string[];
  removed: string[];
  updated: string[];
}

function emptyAffected(): Affected {
  return { added: [], removed: [], updated: [] };
}

function changedSomething(affected: Affected): boolean {
  return affected.added.length + affected.removed.length + affected.updated.length > 0;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
