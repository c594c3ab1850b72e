import { isTerminal } from '../../shared/progress.js';
import type { Logger } from '../logger.js';
import type { ProgressHub } from '../progress/hub.js';
import { emptyAffected } from './affected.js';
import type { Job, JobBook } from './jobs.js';
import type { RequestLine } from './request-line.js';

/**
 * This process's side of the cluster-wide request line: a job takes its place
 * when it arrives, waits until it is first before it runs, and leaves when it
 * is done so that the room's next request, on whichever process, may start.
 */
export class ClusterLine {
  constructor(
    private readonly line: RequestLine,
    private readonly deps: { hub: ProgressHub; logger: Logger; jobs: JobBook },
  ) {}

  /**
   * Takes the job's place at arrival; `enqueue` gets how many requests of the
   * room are ahead in the whole cluster, and the start message waits for it.
   */
  join(job: Job, enqueue: (ahead: number) => void): void {
    const { hub, logger, jobs } = this.deps;
    const { room, requestId } = job.request;
    this.line.join(room, requestId).then(
      (ahead) => {
        if (ahead !== null) return enqueue(ahead);
        // The same request reached another process first: it runs there, exactly once.
        jobs.forget(job);
        const stop = hub.subscribe(room, (message) => {
          if (message.requestId !== requestId || !isTerminal(message)) return;
          stop();
          job.finish();
        });
      },
      (error: unknown) => {
        logger.error({ err: error, room, requestId }, 'could not join the request line');
        jobs.end(job, 'error', 'Requests cannot be scheduled right now; try again shortly', {
          reason: 'unavailable',
          affected: emptyAffected(),
        });
      },
    );
  }

  /**
   * Waits until the job is first in line; false when it was cancelled
   * meanwhile (aborting `job.waiting`), in which case it has already ended.
   */
  async takeTurn(job: Job): Promise<boolean> {
    const waiting = new AbortController();
    job.waiting = waiting;
    try {
      await this.line.turn(job.request.room, job.request.requestId, waiting.signal);
      return true;
    } catch {
      const why = typeof waiting.signal.reason === 'string' ? waiting.signal.reason : 'cancelled';
      this.deps.jobs.end(job, 'error', `Request ${why} before it started`, {
        reason: 'cancelled',
        affected: emptyAffected(),
      });
      return false;
    } finally {
      job.waiting = undefined;
    }
  }

  leave(job: Job): void {
    void this.line.leave(job.request.room, job.request.requestId);
  }

  /** For a request this process does not hold: asks the process that does to cancel it. */
  cancelElsewhere(room: string, requestId: string): boolean {
    return this.line.cancelElsewhere(room, requestId);
  }
}
