import { fork } from 'node:child_process';
import path from 'node:path';
import { ChildRpc } from './child-rpc.js';
import type { Apis, Role } from './ipc.js';

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

/** A client worker process (worker/main.ts) in one role, called method by method. */
export class WorkerProcess<R extends Role> extends ChildRpc<Apis[R]> {
  static start<R extends Role>(role: R): WorkerProcess<R> {
    const child = fork(WORKER, [role], {
      execArgv: EXEC_ARGV,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new WorkerProcess<R>(`${role} worker`, child);
  }
}
