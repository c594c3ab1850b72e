import {
  progressMessage,
  type ProgressDataArgs,
  type ProgressDataOf,
  type ProgressType,
} from '../../shared/progress.js';
import type { ProgressHub } from '../progress/hub.js';
import { CancelledError, RequestError, type CancelReason } from '../agents/errors.js';
import type { AgentRun, RunRequest } from '../agents/run.js';

export interface SubmittedRequest {
  room: string;
  input: string;
  context?: Record<string, unknown> | undefined;
  userId?: string | undefined;
  requestId?: string | undefined;
}

/** A request of this process from submit until its one `complete` or `error`. */
export interface Job {
  request: RunRequest;
  /** Set once its agent starts: what it edited so far, should the run crash. */
  run?: AgentRun;
  /**
   * The request's one cancellation, from booking to its end: the wait for a
   * turn in the cluster-wide line, the parse and the agent's run all listen
   * to it. Once aborted its reason is a CancelledError naming why.
   */
  readonly signal: AbortSignal;
  /** Cancels the request wherever it is; the first reason wins, later calls do nothing. */
  abort(why: CancelReason): void;
  finished: Promise<void>;
  finish: () => void;
}

/** What a job may say on its room's progress channel, and the one way it ends. */
export type JobReport = Pick<JobBook, 'publish' | 'end'>;

/**
 * The jobs this process holds, by request id, and the progress messages they
 * send. A job leaves the book when it ends, so an id is reusable afterwards.
 */
export class JobBook {
  private readonly byId = new Map<string, Job>();

  constructor(private readonly hub: ProgressHub) {}

  /** Books a request under its id, or a fresh one; throws when the id is held by a live job. */
  open(submitted: SubmittedRequest): Job {
    const requestId = submitted.requestId ?? globalThis.crypto.randomUUID();
    if (this.byId.has(requestId)) throw new RequestError(`request id ${requestId} is already in use`);
    let finish!: () => void;
    const cancel = new AbortController();
    const job: Job = {
      request: {
        requestId,
        room: submitted.room,
        input: submitted.input.trim(),
        context: submitted.context ?? {},
        userId: submitted.userId ?? 'anonymous',
      },
      signal: cancel.signal,
      abort: (why) => cancel.abort(new CancelledError(why)),
      finished: new Promise<void>((resolve) => (finish = resolve)),
      finish: () => finish(),
    };
    this.byId.set(requestId, job);
    return job;
  }

  get(requestId: string): Job | undefined {
    return this.byId.get(requestId);
  }

  all(): Job[] {
    return [...this.byId.values()];
  }

  /** Drops a job without a word: another process runs its request and reports it. */
  forget(job: Job): void {
    this.byId.delete(job.request.requestId);
  }

  end<T extends 'complete' | 'error'>(
    job: Job,
    type: T,
    message: string,
    data: ProgressDataOf<T>,
    agentId?: string,
  ): void {
    try {
      this.publish(job, type, message, data, agentId);
    } finally {
      // Even when the message cannot be sent, the job is over: close() and its caller must not wait on it.
      this.forget(job);
      job.finish();
    }
  }

  publish<T extends ProgressType>(
    job: Job,
    type: T,
    message: string,
    data: ProgressDataOf<T>,
    agentId?: string,
  ): void {
    const { requestId, userId, room } = job.request;
    // ProgressDataOf<T> already allows undefined exactly where the builder's data is optional.
    const args = [data] as ProgressDataArgs<T>;
    this.hub.publish(room, progressMessage(type, { requestId, userId, agentId }, message, ...args));
  }
}
