import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock;
}

function sameParent(a: Y.Item['parent'], b: Y.Item['parent']): boolean {
  // Decoded structs hold their parent as a root type's name or the ID of the item that is the type.
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof Y.ID && b instanceof Y.ID) return sameId(a, b);
  return a === b;
}

function contentBytes(item: Y.Item): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeUint8(encoder.restEncoder, item.content.getRef());
  item.content.write(encoder, 0);
  return encoder.toUint8Array();
}

/**
 * Whether a doc that integrated `sent` holds what `encoded` describes of it.
 * Where Yjs encoded the struct as deleted (it lost a concurrent write to
 * the same map key, say), what it held before does not matter; the
 * position fields always do.
 */
function sameItem(sent: Struct, encoded: Y.Item): boolean {
  if (!(sent instanceof Y.Item)) return false;
  if (sent.id.client !== encoded.id.client || sent.id.clock !== encoded.id.clock) return false;
  if (sent.length !== encoded.length) return false;
  if (!sameId(sent.origin, encoded.origin) || !sameId(sent.rightOrigin, encoded.rightOrigin)) return false;
  if (!sameParent(sent.parent, encoded.parent) || sent.parentSub !== encoded.parentSub) return false;
  if (encoded.content instanceof Y.ContentDeleted) return true;
  return Buffer.compare(contentBytes(sent), contentBytes(encoded)) === 0;
}

function structsOf(update: Uint8Array): Struct[] {
  return (Y.decodeUpdate(update).structs as Struct[])
    .filter((s) => !(s instanceof Y.Skip))
    .sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
}

/**
 * Whether `encoded` (what Yjs encoded of the change an update made) is the
 * update's own structs, so that the doc that integrated the update holds
 * exactly what its encoding, the store and the peers reproduce. Structs
 * Yjs collected whole (their parent is gone: an edit racing a removal) are
 * one GC range in `encoded`, whatever they were. Delete sets may differ:
 * deleting is a set union and cannot reorder anything. Settled from the
 * bytes for an honest client's update; decoded only when they differ (a
 * reconnecting client's sync step 2 repeats old deletions, a concurrent
 * write to the same key loses).
 */
export function sameStructs(sent: Uint8Array, encoded: Uint8Array): boolean {
  if (sent.byteLength === encoded.byteLength && Buffer.compare(sent, encoded) === 0) return true;
  const mine = structsOf(sent);
  let next = 0;
  for (const struct of structsOf(encoded)) {
    if (struct instanceof Y.Item) {
      if (!sameItem(mine[next++]!, struct)) return false;
      continue;
    }
    // A collected range: the sent structs must tile it exactly.
    let clock = struct.id.clock;
    const end = clock + struct.length;
    while (clock < end) {
      const part = mine[next++];
      if (part?.id.client !== struct.id.client || part.id.clock !== clock) return false;
      clock += part.length;
    }
    if (clock !== end) return false;
  }
  return next === mine.length;
}
