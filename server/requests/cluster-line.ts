import { setTimeout as delay } from 'node:timers/promises';
import { isTerminal, progressMessage, type ErrorReason } from '../../shared/progress.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import { cancelledBy } from '../agents/errors.js';
import { emptyAffected } from './affected.js';
import type { Job, JobBook } from './jobs.js';
import type { RequestLine } from './request-line.js';

/**
 * After the process holding a duplicate's request left the line, how long its
 * final message may still be on its way to this process (default 5 s). It is
 * published before the leave, so it normally arrives first.
 */
const FINAL_MESSAGE_GRACE_MS = 5_000;

const UNSCHEDULED = 'Requests cannot be scheduled right now; try again shortly';
const HOLDER_DIED =
  'The server process running this request stopped before it finished; edits it made so far stay';

export interface ClusterLineDeps {
  hub: ProgressHub;
  logger: Logger;
  jobs: JobBook;
  finalMessageGraceMs?: number;
}

/**
 * This process's side of the cluster-wide request line: a job takes its place
 * when it arrives, waits until it is first before it runs, and leaves when it
 * is done so that the room's next request, on whichever process, may start.
 */
export class ClusterLine {
  /** Duplicates being followed until their request ends elsewhere; aborting one stops following it. */
  private readonly following = new Set<AbortController>();

  constructor(
    private readonly line: RequestLine,
    private readonly deps: ClusterLineDeps,
  ) {
    line.onOrphan((room, requestId) => this.endOrphan(room, requestId));
  }

  /**
   * A request of a process that died before it ended, followed by nobody:
   * without this its watchers (on any process) would never hear an end.
   */
  private endOrphan(room: string, requestId: string): void {
    this.deps.logger.warn({ room, requestId }, 'ending a request whose process died');
    // Who asked and which agent ran it died with that process: the message names only the request.
    this.deps.hub.publish(
      room,
      progressMessage('error', { requestId }, HOLDER_DIED, { reason: 'unavailable' }),
    );
  }

  /**
   * Takes the job's place at arrival; `enqueue` gets how many requests of the
   * room are ahead in the whole cluster, and the start message waits for it.
   * If `enqueue` throws, it must have taken the job out of its queue again:
   * the job then leaves the line and ends with `error`.
   */
  join(job: Job, enqueue: (ahead: number) => void): void {
    void this.arrive(job, enqueue);
  }

  private async arrive(job: Job, enqueue: (ahead: number) => void): Promise<void> {
    const { room, requestId } = job.request;
    // Listening from before the join: should another process hold the request, its final
    // message may come before the join's answer does.
    const following = new AbortController();
    let stop = (): void => undefined;
    let ahead: number | null;
    try {
      stop = this.deps.hub.subscribe(room, (message) => {
        if (message.requestId === requestId && isTerminal(message)) following.abort('ended');
      });
      ahead = await this.line.join(room, requestId);
    } catch (error) {
      stop();
      this.deps.logger.error({ err: error, room, requestId }, 'could not join the request line');
      // The join may have run with only its answer lost: an entry left behind would hold up the
      // room's line until this process dies. Leaving is harmless when there is none (and retried).
      this.leave(job);
      this.fail(job, UNSCHEDULED, 'unavailable');
      return;
    }
    // The same request reached another process first: it runs there, exactly once.
    if (ahead === null) return this.follow(job, following, stop);
    stop();
    try {
      enqueue(ahead);
    } catch (error) {
      this.deps.logger.error({ err: error, room, requestId }, 'could not queue a request');
      this.leave(job);
      this.fail(job, 'The request could not be queued; try again shortly', 'internal');
    }
  }

  /**
   * Waits for the final message of a request that another process holds
   * (`following` aborts when it comes), so that `job.finished` resolves then.
   * If that process dies first, this one ends the request with `error` (only
   * one process in the cluster does). `stop` ends the listening.
   */
  private async follow(job: Job, following: AbortController, stop: () => void): Promise<void> {
    const { logger, jobs } = this.deps;
    const { room, requestId } = job.request;
    jobs.forget(job);
    this.following.add(following);
    try {
      const holder = await this.line.follow(room, requestId, following.signal);
      if (holder === 'left') {
        await delay(this.deps.finalMessageGraceMs ?? FINAL_MESSAGE_GRACE_MS, undefined, {
          signal: following.signal,
        });
        logger.warn({ room, requestId }, 'the final message of a request run elsewhere never came');
        jobs.end(
          job,
          'error',
          'The request ended on another server process, but its final message was lost',
          {
            reason: 'unavailable',
          },
        );
      } else {
        logger.warn({ room, requestId }, 'the process holding a request died before it ended');
        // What it edited before it died is unknown here (`affected` left out); those edits stay.
        jobs.end(job, 'error', HOLDER_DIED, { reason: 'unavailable' });
      }
    } catch (error) {
      if (!following.signal.aborted) {
        logger.error({ err: error, room, requestId }, 'could not follow a request run elsewhere');
      }
    } finally {
      stop();
      this.following.delete(following);
      job.finish();
    }
  }

  /**
   * Waits until the job is first in line; false when it has ended instead:
   * cancelled meanwhile (its signal aborted), or the line failed.
   */
  async takeTurn(job: Job): Promise<boolean> {
    try {
      await this.line.turn(job.request.room, job.request.requestId, job.signal);
      return true;
    } catch (error) {
      if (job.signal.aborted) {
        this.fail(job, `Request ${cancelledBy(job.signal).why} before it started`, 'cancelled');
      } else {
        const { room, requestId } = job.request;
        this.deps.logger.error(
          { err: error, room, requestId },
          'request line failed while waiting for a turn',
        );
        this.fail(job, UNSCHEDULED, 'unavailable');
      }
      return false;
    }
  }

  leave(job: Job): void {
    void this.line.leave(job.request.room, job.request.requestId);
  }

  /** For a request this process does not hold: asks the process that does to cancel it. */
  cancelElsewhere(room: string, requestId: string): boolean {
    return this.line.cancelElsewhere(room, requestId);
  }

  /** Stops following requests held elsewhere: they run on, and their holders report their end. */
  close(): void {
    for (const following of this.following) following.abort('closing');
  }

  /** Ends a job of this process that never ran, unless it has ended already. */
  private fail(job: Job, message: string, reason: ErrorReason): void {
    const { jobs, logger } = this.deps;
    if (jobs.get(job.request.requestId) !== job) return;
    try {
      jobs.end(job, 'error', message, { reason, affected: emptyAffected() });
    } catch (error) {
      // The book has let go of it anyway; only the message is lost.
      logger.error({ err: error, requestId: job.request.requestId }, 'could not report the end of a request');
    }
  }
}
