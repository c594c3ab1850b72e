/** Ends a request with `error` and `data.reason: "cancelled"`; edits so far stay. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Request cancelled');
  }
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
