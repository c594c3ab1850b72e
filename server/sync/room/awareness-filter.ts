import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * An awareness update without the entries of the given client ids, or the
 * update itself if it has none of them (null if nothing is left). The
 * encoding is y-protocols' own: a varUint count, then per entry a varUint
 * client id, a varUint clock and the state as a JSON varString. Throws on
 * bytes that do not decode, as applying them would.
 */
export function withoutClients(update: Uint8Array, excluded: ReadonlySet<number>): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientID: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (!excluded.has(clientID)) kept.push({ clientID, clock, state });
  }
  if (kept.length === count) return update;
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientID, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientID);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
