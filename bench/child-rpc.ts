import type { ChildProcess } from 'node:child_process';

/**
 * Calls into a forked benchmark process over its IPC channel, method by
 * method, and the serving side of it. Both ends are this benchmark, so the
 * messages are plain types. Used by the client workers (worker-process.ts,
 * worker/main.ts) and the browser phase's remote writer (browser/).
 */
export interface CallMessage {
  id: number;
  method: string;
  params: unknown;
}

export type ReplyMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

type Param<F> = F extends (p: infer P) => unknown ? P : never;
type Result<F> = F extends (p: never) => infer R ? R : never;

/**
 * The calling side: one child process, `label` naming it in errors. `A` is its
 * API: each method takes one parameter object and answers with a value.
 */
export class ChildRpc<A> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  constructor(
    private readonly label: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: ReplyMessage) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${label}: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.waiting.values()) {
        waiter.reject(new Error(`${label} exited (${code ?? signal}) during a call`));
      }
      this.waiting.clear();
    });
  }

  call<M extends keyof A & string>(method: M, params: Param<A[M]>, timeoutMs: number): Promise<Result<A[M]>> {
    if (this.exited) return Promise.reject(new Error(`${this.label} is gone`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.child.kill('SIGKILL');
        reject(new Error(`${this.label}: ${method} gave no answer within ${timeoutMs} ms; killed`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as Result<A[M]>);
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

  /** Closes the channel (the child exits on it, see `serveCalls`) and kills it if it lingers. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The serving side, in the child: answers each call with its handler's
 * result (or the error's stack), and exits when the parent closes the
 * channel — done, or dead — rather than keep sockets open.
 */
export function serveCalls(label: string, handlers: Record<string, (params: unknown) => unknown>): void {
  const reply = (message: ReplyMessage): void => void process.send!(message);
  process.on('message', (message: CallMessage) => {
    const handler = handlers[message.method];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`${label} has no method ${message.method}`);
        return handler(message.params);
      })
      .then(
        (result) => reply({ id: message.id, ok: true, result: result ?? null }),
        (error: unknown) =>
          reply({
            id: message.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  process.once('disconnect', () => process.exit(0));
}
