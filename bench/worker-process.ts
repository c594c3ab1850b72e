import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Apis, CallMessage, ReplyMessage, Role } from './ipc.js';

const WORKER = path.resolve(import.meta.dirname, 'worker/main.ts');

/**
 * Node flags of a client worker. Fifty subscribers hold 51 copies of a
 * 6,000-item document (over 2 GB of heap), so the heap limit is raised; the
 * workers are the clients, not a server under test, so this favours no target.
 */
const WORKER_EXEC_ARGV = ['--import', 'tsx', '--max-old-space-size=8192'];
/** BENCH_CLIENT_PROFILE_DIR: profile the client workers too (`node --cpu-prof`), to see where the clients' time goes. */
const PROFILE_DIR = process.env['BENCH_CLIENT_PROFILE_DIR'];
const EXEC_ARGV = PROFILE_DIR
  ? [...WORKER_EXEC_ARGV, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]
  : WORKER_EXEC_ARGV;

type Param<F> = F extends (p: infer P) => unknown ? P : never;
type Result<F> = F extends (p: never) => infer R ? R : never;

/** A client worker process (worker/main.ts) in one role, called method by method. */
export class WorkerProcess<R extends Role> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(
    readonly role: R,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: ReplyMessage) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${role} worker: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.waiting.values()) {
        waiter.reject(new Error(`${role} worker exited (${code ?? signal}) during a call`));
      }
      this.waiting.clear();
    });
  }

  static start<R extends Role>(role: R): WorkerProcess<R> {
    const child = fork(WORKER, [role], {
      execArgv: EXEC_ARGV,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new WorkerProcess(role, child);
  }

  call<M extends keyof Apis[R] & string>(
    method: M,
    params: Param<Apis[R][M]>,
    timeoutMs: number,
  ): Promise<Result<Apis[R][M]>> {
    if (this.exited) return Promise.reject(new Error(`${this.role} worker is gone`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.child.kill('SIGKILL');
        reject(new Error(`${this.role} worker: ${method} gave no answer within ${timeoutMs} ms; killed`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as Result<Apis[R][M]>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const message: CallMessage = { id, method, params };
      this.child.send(message);
    });
  }

  /** Closes the channel (the worker exits on it) and kills the worker if it lingers. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
