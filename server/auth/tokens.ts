import { z } from 'zod';

/**
 * Room tokens (AUTH-3): HS256 JWTs signed with the UTF-8 bytes of
 * AUTH_SECRET; `sub` is the user, `rooms` maps a room name or "*" to
 * "read" or "write", `exp` is honoured.
 */
export type Grant = 'read' | 'write';

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  rooms: z.record(z.string(), z.enum(['read', 'write'])),
  exp: z.number().int().optional(),
});
export type TokenClaims = z.infer<typeof ClaimsSchema>;

export class TokenError extends Error {
  override name = 'TokenError';
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

// Loaded on first use: a server without AUTH_SECRET never needs it (it weighs ~9 MB resident).
const jose = () => import('jose');

export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  const { errors, jwtVerify } = await jose();
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'] });
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenError('token lacks sub or rooms');
    return claims.data;
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenError('token expired');
    throw new TokenError('invalid token');
  }
}

/** The grant for a room: the room's own entry wins over "*". */
export function grantFor(claims: TokenClaims, room: string): Grant | null {
  return claims.rooms[room] ?? claims.rooms['*'] ?? null;
}

export async function signToken(
  secret: string,
  options: { user: string; rooms: Record<string, Grant>; ttlSeconds?: number },
): Promise<string> {
  const { SignJWT } = await jose();
  const jwt = new SignJWT({ rooms: options.rooms })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.user)
    .setIssuedAt();
  if (options.ttlSeconds !== undefined)
    jwt.setExpirationTime(Math.floor(Date.now() / 1000) + options.ttlSeconds);
  return jwt.sign(keyOf(secret));
}

/** "8h", "30m", "2d", "90s" or plain seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) throw new TokenError(`bad ttl "${text}": use e.g. 90s, 30m, 8h or 2d`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
