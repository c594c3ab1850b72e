import { grantFor, TokenError, verifyToken, type Grant } from './tokens.js';

/** Who is asking and what they may do in one room. */
export interface Access {
  userId: string | null;
  grant: Grant;
  /** Seconds since the epoch when the token stops being valid; null when it never does (or auth is off). */
  expiresAt: number | null;
}

export type AccessResult = { ok: true; access: Access } | { ok: false; status: 401 | 403; message: string };

/**
 * Checks a token for a room. Without AUTH_SECRET everyone may write (the
 * server then binds to loopback only, see config.ts).
 */
export async function checkAccess(
  secret: string | undefined,
  token: string | null,
  room: string,
): Promise<AccessResult> {
  if (!secret) return { ok: true, access: { userId: null, grant: 'write', expiresAt: null } };
  if (!token) return { ok: false, status: 401, message: 'a token is required' };
  try {
    const claims = await verifyToken(secret, token);
    const grant = grantFor(claims, room);
    if (!grant) return { ok: false, status: 403, message: `no access to room ${room}` };
    return { ok: true, access: { userId: claims.sub, grant, expiresAt: claims.exp ?? null } };
  } catch (error) {
    return { ok: false, status: 401, message: error instanceof TokenError ? error.message : 'invalid token' };
  }
}

export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
