import type { Logger } from '../logger.js';
import { affectedOf, emptyAffected } from './affected.js';
import { cancelledBy, type CancelReason } from '../agents/errors.js';
import { ClusterLine } from './cluster-line.js';
import { JobBook, type Job, type SubmittedRequest } from './jobs.js';
import { RequestExecutor, type ExecutorDeps } from './request-executor.js';
import type { RequestLine } from './request-line.js';
import { RoomQueues } from './room-queues.js';

// Part of the Orchestrator's API: server/scale implements RequestLine, callers submit SubmittedRequests.
export type { RequestLine } from './request-line.js';
export type { SubmittedRequest } from './jobs.js';

/** What the executor needs to run a request, and how requests are ordered across processes. */
export interface OrchestratorDeps extends ExecutorDeps {
  /** Orders requests across server processes (server/scale); without it this process's queue alone does. */
  line?: RequestLine | undefined;
}

/**
 * request → intent → agent → edits → progress messages. Requests of one room
 * run one at a time in arrival order; each edits the room through room.transact,
 * present in its awareness while it works.
 *
 * This class only decides when a request starts and how it is cancelled;
 * jobs.ts books requests and speaks for them, room-queues.ts keeps each
 * room's order, cluster-line.ts the order across processes, and
 * request-executor.ts runs one.
 */
export class Orchestrator {
  private readonly jobs: JobBook;
  private readonly queues: RoomQueues<Job>;
  private readonly cluster: ClusterLine | undefined;
  private readonly executor: RequestExecutor;
  private readonly logger: Logger;
  private closed = false;

  constructor(deps: OrchestratorDeps) {
    this.logger = deps.logger;
    this.jobs = new JobBook(deps.hub);
    this.cluster =
      deps.line && new ClusterLine(deps.line, { hub: deps.hub, logger: deps.logger, jobs: this.jobs });
    this.executor = new RequestExecutor(deps, this.jobs);
    this.queues = new RoomQueues<Job>(
      (job) => this.start(job),
      (job) => this.cluster?.leave(job),
      (job, error) => this.crashed(job, error),
    );
  }

  /** Queues a request and returns its id; its messages go to the room's progress subscribers. */
  submit(submitted: SubmittedRequest): { requestId: string; finished: Promise<void> } {
    const job = this.jobs.open(submitted);
    if (this.cluster && !this.closed) this.cluster.join(job, (ahead) => this.enqueue(job, ahead));
    else {
      try {
        this.enqueue(job);
      } catch (error) {
        // Not queued: the caller hears of it, and the book must not keep the job (close() waits on it).
        this.jobs.forget(job);
        job.finish();
        throw error;
      }
    }
    return { requestId: job.request.requestId, finished: job.finished };
  }

  /** Cancels a running or queued request of the room. False when there is none with that id. */
  cancel(room: string, requestId: string): boolean {
    const job = this.jobs.get(requestId);
    if (!job || job.request.room !== room) return this.cluster?.cancelElsewhere(room, requestId) ?? false;
    this.cancelJob(job, 'cancelled');
    return true;
  }

  /** Stops taking work, cancels what runs and waits for it to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.cluster?.close();
    const pending = this.jobs.all();
    for (const job of pending) this.cancelJob(job, 'server shutting down');
    await Promise.all(pending.map((job) => job.finished));
  }

  /**
   * `aheadInCluster` comes from the cluster-wide line; without one, this
   * process's queue counts. When it throws, the job is out of the queue again.
   */
  private enqueue(job: Job, aheadInCluster?: number): void {
    const { room } = job.request;
    const ahead = aheadInCluster ?? this.queues.length(room);
    this.queues.push(room, job);
    try {
      this.jobs.publish(
        job,
        'start',
        ahead > 0 ? `Queued behind ${ahead} request${ahead > 1 ? 's' : ''}` : 'Working on it',
        { input: job.request.input, queued: ahead > 0, position: ahead },
      );
    } catch (error) {
      this.queues.remove(room, job);
      throw error;
    }
    // A job cancelled (or a server closed) while it joined the line still says `start` before its `error`.
    if (this.closed) job.abort('server shutting down');
    if (job.signal.aborted) this.dropQueued(job);
    else this.queues.pump(room);
  }

  /**
   * Aborts the job's signal. Whatever holds the job then ends it: the
   * cluster line's turn wait, the parse or the agent's next step (which
   * reports the edits made so far). Only a job still in this process's
   * queue has nobody listening, so it is ended here.
   */
  private cancelJob(job: Job, why: CancelReason): void {
    job.abort(why);
    this.dropQueued(job);
  }

  /** Ends a cancelled job that is still waiting in its room's queue; nothing when it is not there. */
  private dropQueued(job: Job): void {
    if (!this.queues.remove(job.request.room, job)) return;
    // It never started, so RoomQueues' `settled` will not take it out of the cluster-wide line.
    this.cluster?.leave(job);
    this.jobs.end(job, 'error', `Request ${cancelledBy(job.signal).why} before it started`, {
      reason: 'cancelled',
      affected: emptyAffected(),
    });
  }

  /**
   * A run that rejected, which RequestExecutor never should: logged, and its
   * job ends with `error` unless it has already, so nobody waits on it.
   */
  private crashed(job: Job, error: unknown): void {
    const { room, requestId } = job.request;
    this.logger.error({ err: error, room, requestId }, 'agent request run failed');
    if (this.jobs.get(requestId) !== job) return;
    this.jobs.end(job, 'error', 'The agent hit an internal error; nothing more was changed', {
      reason: 'internal',
      affected: job.run ? affectedOf(job.run) : emptyAffected(),
    });
  }

  /**
   * Not async: it hands back the run's own promise, so a room's next request
   * starts in the very tick the previous one settles, with no wrapper ticks.
   */
  private start(job: Job): Promise<void> {
    const cluster = this.cluster;
    if (!cluster) return this.executor.execute(job);
    return cluster.takeTurn(job).then((turn) => (turn ? this.executor.execute(job) : undefined));
  }
}
