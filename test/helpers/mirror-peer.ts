import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { MessageTag } from '../../shared/protocol.js';
import { decodeClientFrame, updateFrame } from '../../server/sync/frames.js';
import type { Room, RoomPeer } from '../../server/sync/room/room.js';
import { fingerprint } from './clients.js';

const FROM_ROOM = Symbol('from room');

/**
 * A peer of a transport-free Room with a doc of its own: it starts from the
 * room's state, applies every update the room forwards to it (recorded in
 * `received`), and hands its own edits to the room as a y-websocket client
 * would — decoded, then `room.receive`.
 */
export class MirrorPeer implements RoomPeer {
  readonly doc = new Y.Doc();
  /** Update payloads the room forwarded to this peer. */
  readonly received: Uint8Array[] = [];

  constructor(
    private readonly room: Room,
    clientID?: number,
  ) {
    if (clientID !== undefined) this.doc.clientID = clientID;
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(room.doc), FROM_ROOM);
    room.join(this);
  }

  send(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageTag.sync) return;
    if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) return;
    const update = decoding.readVarUint8Array(decoder);
    this.received.push(update);
    Y.applyUpdate(this.doc, update, FROM_ROOM);
  }

  /** Runs an edit on this peer's doc; returns the frame a client would send for it, or null if nothing changed. */
  edit(fn: (doc: Y.Doc) => void): Uint8Array | null {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin !== FROM_ROOM) update = u;
    };
    this.doc.on('update', capture);
    try {
      fn(this.doc);
    } finally {
      this.doc.off('update', capture);
    }
    return update === null ? null : updateFrame(update);
  }

  /** What SyncConnection.handle does with a frame: decode, then hand it to the room (either may throw). */
  deliver(frame: Uint8Array): void {
    this.room.receive(this, decodeClientFrame(frame));
  }

  /** A reconnect: both sides send what the other lacks (sync step 2 each way). */
  resync(): void {
    this.room.leave(this);
    this.room.join(this);
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(this.doc)), FROM_ROOM);
    this.deliver(updateFrame(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.room.doc))));
  }
}

/** Whether `fn` threw (the room refusing a frame: the connection would close that peer). */
export function refuses(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

/** A detached copy of a doc, through its own encoding (so it also checks that the doc can be encoded). */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Everything two docs must share to be the same document: items JSON, state vector and delete set. */
export function expectSameDoc(actual: Y.Doc, expected: Y.Doc, what = 'doc'): void {
  expect(fingerprint(actual), what).toEqual(fingerprint(expected));
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected)), `${what}: delete set`).toBe(true);
}
