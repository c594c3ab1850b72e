import { describe, expect, it } from 'vitest';
import type { AgentRequestBody } from '../../../shared/http.js';
import { RequestError } from '../../../server/agents/errors.js';
import { createLogger } from '../../../server/logger.js';
import {
  rateLimitKey,
  requestAcceptor,
  type RequestAccess,
} from '../../../server/requests/accept-request.js';
import type { SubmittedRequest } from '../../../server/requests/orchestrator.js';
import { RateLimiter } from '../../../server/requests/rate-limiter.js';

/**
 * acceptRequest is the one policy of both entry points (progress socket and
 * HTTP): grant, rate limit, who the request is from, and what a failed submit
 * becomes. Tested here without a server; test/server/requests/entry-points
 * checks that each transport renders its answers.
 */

function setup(options: { perMinute?: number; submit?: (request: SubmittedRequest) => void } = {}) {
  const submitted: SubmittedRequest[] = [];
  const logs: string[] = [];
  const logger = createLogger('error', { write: (text: string) => void logs.push(text) });
  // A clock that never moves: a bucket never refills during a test.
  const rateLimiter = new RateLimiter(options.perMinute ?? 6, undefined, () => 0);
  const accept = requestAcceptor({
    rateLimiter,
    logger,
    orchestrator: {
      submit: (request) => {
        options.submit?.(request);
        submitted.push(request);
        return { requestId: request.requestId ?? 'fresh-id', finished: Promise.resolve() };
      },
    },
  });
  return { accept, submitted, logs };
}

const body = (extra: Partial<AgentRequestBody> = {}): AgentRequestBody => ({
  input: 'Show low stock',
  ...extra,
});
const writer = (extra: Partial<RequestAccess> = {}): RequestAccess => ({
  room: 'shop',
  grant: 'write',
  userId: null,
  transportKey: 'conn:1',
  ...extra,
});

describe('acceptRequest: the grant (AUTH-6)', () => {
  it('refuses a read grant before it counts against the limit or submits anything', () => {
    const { accept, submitted } = setup({ perMinute: 6 });
    const reader = writer({ grant: 'read', userId: 'bob' });
    expect(accept(reader, body())).toEqual({
      ok: false,
      refusal: 'read_only',
      message: 'Your access to this room is read-only: requests are refused',
    });
    expect(submitted).toEqual([]);
    // The one request a burst allows at 6/minute is still there for the same user with write access.
    expect(accept(writer({ userId: 'bob' }), body()).ok).toBe(true);
  });
});

describe('acceptRequest: the rate-limit key (LIM-5)', () => {
  it('is the token subject when there is one, else the transport, never the declared userId', () => {
    expect(rateLimitKey(writer({ userId: 'alice', transportKey: 'conn:9' }))).toBe('user:alice');
    expect(rateLimitKey(writer({ userId: null, transportKey: 'addr:10.0.0.1' }))).toBe('addr:10.0.0.1');
  });

  it('with a token, one bucket per user across connections, whatever userId the body declares', () => {
    // 6 per minute: bursts of 1.
    const { accept } = setup({ perMinute: 6 });
    const first = accept(writer({ userId: 'alice', transportKey: 'conn:1' }), body({ userId: 'a1' }));
    const again = accept(writer({ userId: 'alice', transportKey: 'conn:2' }), body({ userId: 'a2' }));
    expect(first.ok).toBe(true);
    expect(again).toEqual({
      ok: false,
      refusal: 'rate_limited',
      message: 'Too many requests: slow down and try again in a few seconds',
    });
    // Another user has a bucket of their own.
    expect(accept(writer({ userId: 'carol', transportKey: 'conn:1' }), body()).ok).toBe(true);
  });

  it('without a token, one bucket per connection or address: a new declared userId does not dodge it', () => {
    const { accept } = setup({ perMinute: 6 });
    expect(accept(writer({ transportKey: 'conn:1' }), body({ userId: 'u1' })).ok).toBe(true);
    expect(accept(writer({ transportKey: 'conn:1' }), body({ userId: 'u2' }))).toMatchObject({
      ok: false,
      refusal: 'rate_limited',
    });
    expect(accept(writer({ transportKey: 'addr:127.0.0.1' }), body({ userId: 'u3' })).ok).toBe(true);
    expect(accept(writer({ transportKey: 'addr:127.0.0.1' }), body({ userId: 'u4' })).ok).toBe(false);
  });
});

describe('acceptRequest: the user (AUTH-9) and the submit', () => {
  it("fills in the token's user over a declared one, and the declared one without a token", () => {
    const { accept, submitted } = setup({ perMinute: 600 });
    accept(writer({ userId: 'alice' }), body({ userId: 'mallory' }));
    accept(writer({ userId: null }), body({ userId: 'dave', requestId: 'r-1', context: { sku: 'X' } }));
    accept(writer({ userId: null }), body());
    expect(submitted).toEqual([
      { room: 'shop', input: 'Show low stock', context: undefined, userId: 'alice', requestId: undefined },
      { room: 'shop', input: 'Show low stock', context: { sku: 'X' }, userId: 'dave', requestId: 'r-1' },
      { room: 'shop', input: 'Show low stock', context: undefined, userId: undefined, requestId: undefined },
    ]);
  });

  it('answers with the request id and its end', async () => {
    const { accept } = setup();
    const accepted = accept(writer(), body({ requestId: 'mine' }));
    expect(accepted).toMatchObject({ ok: true, requestId: 'mine' });
    if (accepted.ok) await expect(accepted.finished).resolves.toBeUndefined();
  });

  it('maps a RequestError to a conflict with its text, anything else to internal (logged, text not leaked)', () => {
    const conflict = setup({
      submit: () => {
        throw new RequestError('request id r-1 is already in use');
      },
    });
    expect(conflict.accept(writer(), body())).toEqual({
      ok: false,
      refusal: 'conflict',
      message: 'request id r-1 is already in use',
    });
    expect(conflict.logs).toEqual([]);

    const broken = setup({
      submit: () => {
        throw new Error('hub publish failed: secret detail');
      },
    });
    const refused = broken.accept(writer(), body());
    expect(refused).toMatchObject({ ok: false, refusal: 'internal' });
    expect(refused.ok ? '' : refused.message).not.toContain('secret');
    expect(broken.logs.some((line) => line.includes('could not submit a request'))).toBe(true);
  });
});
