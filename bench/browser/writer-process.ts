import { fork } from 'node:child_process';
import path from 'node:path';
import { ChildRpc } from '../child-rpc.js';
import type { WriterApi } from './ipc.js';

const SCRIPT = path.resolve(import.meta.dirname, 'remote-writer.ts');

/** The remote writer (remote-writer.ts) as a child process, called method by method. */
export class RemoteWriter extends ChildRpc<WriterApi> {
  static start(): RemoteWriter {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new RemoteWriter('remote writer', child);
  }
}
