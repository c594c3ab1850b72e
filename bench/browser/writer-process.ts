import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { WriterApi, WriterCall, WriterReply } from './ipc.js';

const SCRIPT = path.resolve(import.meta.dirname, 'remote-writer.ts');

type Method = keyof WriterApi;
type Params<M extends Method> = Parameters<WriterApi[M]>[0];
type Result<M extends Method> = ReturnType<WriterApi[M]>;

/** The remote writer (remote-writer.ts) as a child process, called method by method. */
export class RemoteWriter {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`remote writer: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.waiting.values()) {
        waiter.reject(new Error(`remote writer exited (${code ?? signal}) during a call`));
      }
      this.waiting.clear();
    });
  }

  static start(): RemoteWriter {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new RemoteWriter(child);
  }

  call<M extends Method>(method: M, params: Params<M>, timeoutMs: number): Promise<Result<M>> {
    if (this.exited) return Promise.reject(new Error('remote writer is gone'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.child.kill('SIGKILL');
        reject(new Error(`remote writer: ${method} gave no answer within ${timeoutMs} ms; killed`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as Result<M>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const message: WriterCall = { id, method, params };
      this.child.send(message);
    });
  }

  /** Closes the channel (the writer exits on it) and kills it if it lingers. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
