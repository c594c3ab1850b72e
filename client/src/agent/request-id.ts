/**
 * Client-made request ids, so this tab can show its request before the server echoes it.
 * `crypto.randomUUID` exists only in secure contexts; the app may be served over plain http on a
 * LAN address, so fall back to a v4 UUID built from `getRandomValues`, which is always there.
 */
export function newRequestId(cryptoImpl: Pick<Crypto, 'getRandomValues'> & Partial<Crypto> = crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
