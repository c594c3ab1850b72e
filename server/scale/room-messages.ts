import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What processes say to each other on a room's Redis channel. Binary (lib0
 * varints, the same encoding as the y-websocket frames), because updates
 * are bytes and can be large. Ephemeral: the store, not this channel, is
 * the record; every kind can be lost without losing data.
 */
const RoomMessageKind = {
  /** Updates committed as sequence numbers first..last. */
  update: 0,
  /** An awareness update of the sender's own peers. */
  awareness: 1,
  /** "Send me your peers' awareness": a process that just loaded the room or reconnected. */
  query: 2,
  /** The sender committed through `seq`; anyone behind reads the rest from the store. */
  head: 3,
} as const;

export type RoomMessage =
  | { kind: 'update'; node: string; first: number; last: number; update: Uint8Array }
  | { kind: 'awareness'; node: string; update: Uint8Array }
  | { kind: 'query'; node: string }
  | { kind: 'head'; node: string; seq: number };

export function encodeRoomMessage(message: RoomMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, RoomMessageKind[message.kind]);
  encoding.writeVarString(encoder, message.node);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, message.first);
      encoding.writeVarUint(encoder, message.last);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'head':
      encoding.writeVarUint(encoder, message.seq);
      break;
    case 'query':
      break;
  }
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Throws on bytes that are not a room message (the caller drops them). */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(decoder);
  const node = decoding.readVarString(decoder);
  switch (kind) {
    case RoomMessageKind.update: {
      const first = decoding.readVarUint(decoder);
      const last = decoding.readVarUint(decoder);
      if (first < 1 || last < first) throw new Error(`bad sequence range ${first}..${last}`);
      return { kind: 'update', node, first, last, update: decoding.readVarUint8Array(decoder) };
    }
    case RoomMessageKind.awareness:
      return { kind: 'awareness', node, update: decoding.readVarUint8Array(decoder) };
    case RoomMessageKind.query:
      return { kind: 'query', node };
    case RoomMessageKind.head:
      return { kind: 'head', node, seq: decoding.readVarUint(decoder) };
    default:
      throw new Error(`unknown room message kind ${kind}`);
  }
}
