import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../../shared/progress.js';
import { JobBook } from '../../../server/requests/jobs.js';
import { LocalProgressHub, type ProgressHub } from '../../../server/progress/hub.js';

describe('JobBook.end (PROG-6)', () => {
  it('sends one terminal message per job, however often it is asked to end it', async () => {
    const hub = new LocalProgressHub();
    const seen: ProgressMessage[] = [];
    hub.subscribe('r', (m) => seen.push(m as ProgressMessage));
    const jobs = new JobBook(hub);
    const job = jobs.open({ room: 'r', input: 'Show low stock' });
    jobs.end(job, 'complete', 'done', { affected: { added: [], removed: [], updated: [] } });
    jobs.end(job, 'error', 'again', { reason: 'internal' });
    await job.finished;
    expect(seen.map((m) => m.type)).toEqual(['complete']);
  });

  it('counts a job as ended even when its message could not be sent', async () => {
    let calls = 0;
    const hub: ProgressHub = {
      publish() {
        calls += 1;
        throw new Error('hub down');
      },
      subscribe: () => () => undefined,
    };
    const jobs = new JobBook(hub);
    const job = jobs.open({ room: 'r', input: 'Show low stock' });
    expect(() =>
      jobs.end(job, 'complete', 'done', { affected: { added: [], removed: [], updated: [] } }),
    ).toThrow();
    jobs.end(job, 'error', 'again', { reason: 'internal' });
    await job.finished;
    expect(calls).toBe(1);
    expect(jobs.get(job.request.requestId)).toBeUndefined();
  });
});
