import type { AgentRequestBody } from '../../shared/http.js';
import { RequestError } from '../agents/errors.js';
import type { Access } from '../auth/access.js';
import type { Logger } from '../logger.js';
import type { Orchestrator } from './orchestrator.js';
import type { RateLimiter } from './rate-limiter.js';

/** Who asks for an agent request, as its entry point (progress socket or HTTP) knows them. */
export interface RequestAccess extends Pick<Access, 'grant' | 'userId'> {
  room: string;
  /**
   * Who the caller is when no token names them (auth off): `conn:<id>` for a
   * progress connection, `addr:<client address>` over HTTP. Never something
   * the caller declares itself, such as the body's `userId`.
   */
  transportKey: string;
}

/** Why a request was not taken; each entry point renders it (channel `error`, or an HTTP status). */
export type Refusal = 'read_only' | 'rate_limited' | 'conflict' | 'internal';

export type Acceptance =
  { ok: true; requestId: string; finished: Promise<void> } | { ok: false; refusal: Refusal; message: string };

export type AcceptRequest = (access: RequestAccess, body: AgentRequestBody) => Acceptance;

export interface AcceptDeps {
  orchestrator: Pick<Orchestrator, 'submit'>;
  rateLimiter: RateLimiter;
  logger: Logger;
}

const READ_ONLY = 'Your access to this room is read-only: requests are refused';
const TOO_MANY = 'Too many requests: slow down and try again in a few seconds';
const NOT_SUBMITTED = 'The request could not be submitted; try again shortly';

/**
 * The rate-limit bucket of a caller: the token's subject when auth is on (one
 * bucket across all of that user's connections and HTTP calls), else the
 * connection or client address. A self-declared `userId` never picks the
 * bucket, or a caller could dodge the limit by naming a new user each time.
 */
export function rateLimitKey(access: RequestAccess): string {
  return access.userId !== null ? `user:${access.userId}` : access.transportKey;
}

/**
 * The one policy of both entry points for an agent request: a read grant is
 * refused, the caller is rate-limited, the token's user wins over a declared
 * `userId`, and what submit throws becomes a refusal instead of escaping.
 */
export function requestAcceptor(deps: AcceptDeps): AcceptRequest {
  return (access, body) => {
    if (access.grant !== 'write') return { ok: false, refusal: 'read_only', message: READ_ONLY };
    if (!deps.rateLimiter.take(rateLimitKey(access))) {
      return { ok: false, refusal: 'rate_limited', message: TOO_MANY };
    }
    try {
      const { requestId, finished } = deps.orchestrator.submit({
        room: access.room,
        input: body.input,
        context: body.context,
        userId: access.userId ?? body.userId,
        requestId: body.requestId,
      });
      return { ok: true, requestId, finished };
    } catch (error) {
      // A RequestError is the caller's (an id already in use); anything else is ours.
      if (error instanceof RequestError) return { ok: false, refusal: 'conflict', message: error.message };
      deps.logger.error({ err: error, room: access.room }, 'could not submit a request');
      return { ok: false, refusal: 'internal', message: NOT_SUBMITTED };
    }
  };
}
