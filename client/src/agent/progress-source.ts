import type { RequestContext } from '../../../shared/progress.js';
import type { ProgressState } from './progress-state.js';

/**
 * What the agent panel needs from the progress channel. `ProgressClient` implements it over a
 * WebSocket; tests and stories inject a fake, so the panel renders without a server.
 */

/** The same words as the app's `connection-status` (UI-9). */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Immutable: a new object whenever anything changes, as `useSyncExternalStore` requires. */
export interface ProgressSnapshot {
  readonly status: ConnectionStatus;
  readonly state: ProgressState;
}

export interface SendRequestOptions {
  input: string;
  userId?: string;
  context?: RequestContext;
}

export interface ProgressSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ProgressSnapshot;
  /** Sends a `user_request`; returns its client-made requestId, or null when offline or invalid. */
  sendRequest(options: SendRequestOptions): string | null;
  /** Sends a `cancel`; false when it could not be sent. */
  cancel(requestId: string): boolean;
}
