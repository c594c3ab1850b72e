import type { Endpoint } from './worker/clients.js';
import type { SubscribersApi, SubscribersPhase } from './ipc.js';
import { WorkerProcess } from './worker-process.js';
import type { Metric } from './workload.js';

/**
 * The N subscribers, spread over a few worker processes. On 2 cores one
 * process applying every update N times leaves the other core mostly idle
 * (a server needs a fraction of one); two processes use the machine and
 * halve the run. Their clocks agree (CLOCK_MONOTONIC), so "when did the
 * last subscriber hold it" is the later of the processes' answers.
 */
export function split(n: number, parts: number): number[] {
  const count = Math.max(1, Math.min(parts, n));
  return Array.from({ length: count }, (_, i) => Math.floor(n / count) + (i < n % count ? 1 : 0));
}

type Params<M extends keyof SubscribersApi> = Parameters<SubscribersApi[M]>[0];

export class SubscriberGroup {
  private constructor(
    private readonly workers: WorkerProcess<'subscribers'>[],
    private readonly sizes: number[],
  ) {}

  static start(n: number, processes: number): SubscriberGroup {
    const sizes = split(n, processes);
    return new SubscriberGroup(
      sizes.map(() => WorkerProcess.start('subscribers')),
      sizes,
    );
  }

  private all<M extends keyof SubscribersApi & string>(
    method: M,
    params: (i: number) => Params<M>,
    timeoutMs: number,
  ): Promise<ReturnType<SubscribersApi[M]>[]> {
    return Promise.all(this.workers.map((w, i) => w.call(method, params(i) as never, timeoutMs))) as Promise<
      ReturnType<SubscribersApi[M]>[]
    >;
  }

  async connect(endpoint: Endpoint, timeoutMs: number): Promise<void> {
    await this.all('connect', (i) => ({ endpoint, n: this.sizes[i]!, timeoutMs }), timeoutMs * 2);
  }

  async arm(metric: Metric | 'items', timeoutMs: number): Promise<void> {
    await this.all('arm', () => ({ metric }), timeoutMs);
  }

  async settle(params: Params<'settle'>, timeoutMs: number): Promise<SubscribersPhase> {
    const parts = await this.all('settle', () => params, timeoutMs);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    const weighted = (pick: (p: SubscribersPhase) => number): number =>
      parts.reduce((sum, p, i) => sum + pick(p) * this.sizes[i]!, 0) / total;
    return {
      lastReachedAt: params.goals.map((_, g) => Math.max(...parts.map((p) => p.lastReachedAt[g]!))),
      messagesPerSub: weighted((p) => p.messagesPerSub),
      bytesPerSub: weighted((p) => p.bytesPerSub),
      reconnects: parts.reduce((sum, p) => sum + p.reconnects, 0),
    };
  }

  async stateHashes(timeoutMs: number): Promise<string[]> {
    return (await this.all('stateHashes', () => ({}), timeoutMs)).flat();
  }

  /** One-client measurements run in the first process only. */
  get first(): WorkerProcess<'subscribers'> {
    return this.workers[0]!;
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.stop()));
  }
}
