import type { ProgressMessage, ProgressType } from '../../../shared/progress.js';
import type {
  ConnectionStatus,
  ProgressSnapshot,
  ProgressSource,
  SendRequestOptions,
} from '../../../client/src/agent/progress-source.js';
import {
  addLocalRequest,
  initialProgressState,
  progressReducer,
} from '../../../client/src/agent/progress-state.js';

let clock = Date.parse('2025-01-06T09:00:00.000Z');

/**
 * A server message as the reducer gets it; timestamps advance one second per message so order is
 * visible. `data` is not checked against its type's schema: tests give only the fields they need.
 */
export function msg(
  type: ProgressType,
  requestId: string,
  data?: Record<string, unknown>,
  extra: Partial<ProgressMessage> = {},
): ProgressMessage {
  clock += 1000;
  return {
    type,
    requestId,
    message: `${type} of ${requestId}`,
    timestamp: new Date(clock).toISOString(),
    ...(data ? { data } : {}),
    ...extra,
  } as ProgressMessage;
}

/** A progress source with no socket: tests push messages in and read what the panel sent. */
export class FakeProgressSource implements ProgressSource {
  snapshot: ProgressSnapshot = { status: 'online', state: initialProgressState };
  readonly sent: Array<
    | { type: 'user_request'; options: SendRequestOptions; requestId: string }
    | { type: 'cancel'; requestId: string }
  > = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  sendRequest(options: SendRequestOptions): string | null {
    if (this.snapshot.status !== 'online') return null;
    const requestId = `req-${this.nextId++}`;
    this.sent.push({ type: 'user_request', options, requestId });
    const local = { requestId, input: options.input, ...(options.userId ? { userId: options.userId } : {}) };
    this.update({ ...this.snapshot, state: addLocalRequest(this.snapshot.state, local) });
    return requestId;
  }

  cancel(requestId: string): boolean {
    this.sent.push({ type: 'cancel', requestId });
    return true;
  }

  push(...messages: ProgressMessage[]): void {
    let state = this.snapshot.state;
    for (const message of messages) state = progressReducer(state, message);
    this.update({ ...this.snapshot, state });
  }

  setStatus(status: ConnectionStatus): void {
    this.update({ ...this.snapshot, status });
  }

  private update(snapshot: ProgressSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
