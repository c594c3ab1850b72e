import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageTag } from '../../shared/protocol.js';

/** Encoders for the y-websocket frames the server sends; each is built once and sent to many sockets. */

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncStep2Frame(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A sync step 2 carrying an update as it is (the room's stored bytes). */
export function syncStep2FrameOf(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(encoder);
}

/** A state vector of a doc that has nothing. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** No structs, no deletions: what Yjs encodes for "nothing" (V1). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** One decoded client frame; anything undecodable throws (the caller closes that socket). */
export type ClientFrame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

class FrameError extends Error {
  override name = 'FrameError';
}

export function decodeClientFrame(frame: Uint8Array): ClientFrame {
  const decoder = decoding.createDecoder(frame);
  const tag = decoding.readVarUint(decoder);
  switch (tag) {
    case MessageTag.sync: {
      const subtype = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subtype === syncProtocol.messageYjsSyncStep1) {
        // Validate now: a bad state vector must fail here, not inside the doc.
        Y.decodeStateVector(payload);
        return { kind: 'sync-step-1', stateVector: payload };
      }
      if (subtype === syncProtocol.messageYjsSyncStep2 || subtype === syncProtocol.messageYjsUpdate) {
        // Not decoded here: the room's apply reads it whole and refuses it, changing nothing, if it is garbage.
        return { kind: 'update', update: payload };
      }
      throw new FrameError(`unknown sync message type ${subtype}`);
    }
    case MessageTag.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageTag.queryAwareness:
      return { kind: 'query-awareness' };
    case MessageTag.auth:
      return { kind: 'auth' };
    default:
      throw new FrameError(`unknown message tag ${tag}`);
  }
}
