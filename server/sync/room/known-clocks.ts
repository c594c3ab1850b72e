import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Whether an update re-sends a clock the doc has (`clockOf(client)`: the
 * next clock the doc expects of that client). Honest updates almost never
 * do, and the common one-client update is checked from its header alone;
 * anything else is read whole.
 */
export function overlapsKnownClocks(update: Uint8Array, clockOf: (client: number) => number): boolean {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  if (clients === 0) return false;
  if (clients === 1) {
    if (decoding.readVarUint(decoder) === 0) return false;
    const client = decoding.readVarUint(decoder);
    return decoding.readVarUint(decoder) < clockOf(client);
  }
  for (const [client, clock] of Y.parseUpdateMeta(update).from) {
    if (clock < clockOf(client)) return true;
  }
  return false;
}
