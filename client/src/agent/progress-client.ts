import { ClientMessageSchema, decodeServerMessage, type ClientMessage } from '../../../shared/progress.js';
import { Paths, ReadyState } from '../../../shared/protocol.js';
import type {
  ConnectionStatus,
  ProgressSnapshot,
  ProgressSource,
  SendRequestOptions,
} from './progress-source.js';
import { addLocalRequest, initialProgressState, progressReducer } from './progress-state.js';
import { newRequestId } from './request-id.js';

/** The part of the DOM WebSocket this client uses, so tests can drive it with a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface ProgressClientOptions {
  room: string;
  token?: string;
  /** Defaults to `progressUrl(room, token, location)`. */
  url?: string;
  createSocket?: (url: string) => WebSocketLike;
  /** Keep-alive ping period; proxies drop idle sockets after ~30-60 s. Default 25 s. */
  pingIntervalMs?: number;
  /** Reconnect delay doubles from `initial` up to `max` (defaults 500 ms, 15 s), with jitter. */
  backoff?: { initialMs: number; maxMs: number };
  random?: () => number;
}

/** `ws(s)://<host>/progress/<room>[?token=…]`, same origin as the app. */
export function progressUrl(
  room: string,
  token: string | undefined,
  loc: Pick<Location, 'protocol' | 'host'>,
): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}://${loc.host}${Paths.progress}/${encodeURIComponent(room)}${query}`;
}

/**
 * The progress channel as an external store: one socket, reconnected with backoff while started,
 * every frame decoded with the shared schemas (decodeServerMessage): a message whose `data` does
 * not match its type still shows its line, without the details; other bad frames are dropped,
 * never thrown.
 */
export class ProgressClient implements ProgressSource {
  private snapshot: ProgressSnapshot = { status: 'offline', state: initialProgressState };
  private readonly listeners = new Set<() => void>();
  private socket: WebSocketLike | null = null;
  private started = false;
  private attempts = 0;
  private lastHeard = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private readonly opts: Required<Omit<ProgressClientOptions, 'token' | 'url'>> & { url: string };

  constructor(options: ProgressClientOptions) {
    this.opts = {
      room: options.room,
      url: options.url ?? progressUrl(options.room, options.token, globalThis.location),
      createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike),
      pingIntervalMs: options.pingIntervalMs ?? 25_000,
      backoff: options.backoff ?? { initialMs: 500, maxMs: 15_000 },
      random: options.random ?? Math.random,
    };
  }

  // Arrow properties: React calls these unbound.
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ProgressSnapshot => this.snapshot;

  /** Idempotent; may follow `stop()` (React StrictMode mounts effects twice). */
  start(): void {
    if (this.started) return;
    this.started = true;
    globalThis.addEventListener?.('online', this.retryNow);
    this.open();
  }

  /** Idempotent: closes the socket, cancels timers, keeps the history. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    globalThis.removeEventListener?.('online', this.retryNow);
    clearTimeout(this.retryTimer);
    this.dropSocket();
    this.setStatus('offline');
  }

  sendRequest({ input, userId, context }: SendRequestOptions): string | null {
    const requestId = newRequestId();
    const message: ClientMessage = {
      type: 'user_request',
      input: input.trim(),
      requestId,
      ...(userId ? { userId } : {}),
      ...(context ? { context } : {}),
    };
    if (!ClientMessageSchema.safeParse(message).success || !this.send(message)) return null;
    const local = { requestId, input: message.input, ...(userId ? { userId } : {}) };
    this.setState(addLocalRequest(this.snapshot.state, local));
    return requestId;
  }

  cancel(requestId: string): boolean {
    return this.send({ type: 'cancel', requestId });
  }

  private open(): void {
    this.setStatus('connecting');
    let socket: WebSocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.lastHeard = Date.now();
      this.setStatus('online');
      this.pingTimer = setInterval(this.keepAlive, this.opts.pingIntervalMs);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      this.receive(event.data);
    };
    // An error is always followed by close; the close handler does the work.
    socket.onerror = () => {};
    socket.onclose = () => this.lost(socket);
  }

  /** The one place a connection ends unexpectedly: clean up, say offline, retry later. */
  private lost(socket: WebSocketLike): void {
    if (this.socket !== socket) return;
    this.dropSocket();
    this.setStatus('offline');
    this.scheduleRetry();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const decoded = decodeServerMessage(json);
    if (decoded) this.setState(progressReducer(this.snapshot.state, decoded.message));
  }

  private readonly keepAlive = (): void => {
    // Two missed pongs: the socket is dead even if the browser has not noticed (sleep, Wi-Fi switch).
    if (this.socket && Date.now() - this.lastHeard > 2 * this.opts.pingIntervalMs + 5_000) {
      this.lost(this.socket);
      return;
    }
    this.send({ type: 'ping' });
  };

  private readonly retryNow = (): void => {
    if (!this.started || this.socket) return;
    clearTimeout(this.retryTimer);
    this.attempts = 0;
    this.open();
  };

  private scheduleRetry(): void {
    if (!this.started) return;
    const { initialMs, maxMs } = this.opts.backoff;
    const base = Math.min(maxMs, initialMs * 2 ** this.attempts);
    this.attempts += 1;
    // Jitter in [50%, 100%] so a room's tabs do not all reconnect at the same instant after a restart.
    const delay = base * (0.5 + this.opts.random() / 2);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private send(message: ClientMessage): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== ReadyState.open) return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch {
      this.lost(socket);
      return false;
    }
  }

  /** Detaches handlers first so a late close event of an old socket cannot touch the new one. */
  private dropSocket(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (status !== this.snapshot.status) this.publish({ ...this.snapshot, status });
  }

  private setState(state: ProgressSnapshot['state']): void {
    if (state !== this.snapshot.state) this.publish({ ...this.snapshot, state });
  }

  private publish(snapshot: ProgressSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
