/** Why a request was cancelled: someone asked, or the server is closing. */
export type CancelReason = 'cancelled' | 'server shutting down';

/**
 * Ends a request with `error` and `data.reason: "cancelled"`; edits so far
 * stay. It is also the reason its request's AbortSignal carries, so a parse
 * or a wait that rejects with the signal's reason rejects with this.
 */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(readonly why: CancelReason = 'cancelled') {
    super('Request cancelled');
  }
}

/** Throws the signal's CancelledError once it is aborted. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledBy(signal);
}

/** The CancelledError an aborted request signal carries (a fresh one if it was aborted otherwise). */
export function cancelledBy(signal: AbortSignal): CancelledError {
  return signal.reason instanceof CancelledError ? signal.reason : new CancelledError();
}

/** A request that cannot be carried out as asked (unknown item, bad value…); nothing was changed. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    message: string,
    readonly reason: 'not_found' | 'invalid' | 'ambiguous' | 'nothing_to_do' = 'invalid',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
