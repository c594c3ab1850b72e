import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { MessageTag } from '../../shared/protocol.js';
import { decodeClientFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../server/sync/frames.js';
import type { Room, RoomPeer } from '../../server/sync/room/room.js';
import { fingerprint } from './clients.js';

const FROM_ROOM = Symbol('from room');

export interface TestPeerOptions {
  /** The doc's client id (default: random, as Yjs picks). */
  clientID?: number;
  /** Hold the room's frames in `inbox` until `readNext()` instead of reading each as it comes. */
  queued?: boolean;
}

/**
 * The one in-process peer of the tests: joins a transport-free Room the way
 * a socket does (`room.join`, its frames decoded and handed to
 * `room.receive`, as SyncConnection does) and keeps a Y.Doc of its own,
 * which reads what the room sends it. Its own edits are sent as a
 * y-websocket client sends them: queued in `outbox` while joined (`sendNext`
 * delivers one), or, through `edit`, handed back as a frame for the test to
 * deliver, forge or hold.
 */
export class TestPeer implements RoomPeer {
  readonly doc = new Y.Doc();
  /** Update payloads (sync step 2 or update) the room sent, in the order read. */
  readonly received: Uint8Array[] = [];
  /** Awareness payloads the room sent, in the order read. */
  readonly awarenessReceived: Uint8Array[] = [];
  /** With `queued`: frames the room sent, not read yet. */
  readonly inbox: Uint8Array[] = [];
  /** Frames for the room, not delivered yet: local edits while joined, answers to the room's sync step 1. */
  readonly outbox: Uint8Array[] = [];
  private joined = false;
  /** Set while `edit` runs: collects its updates instead of queueing them. */
  private capture: Uint8Array[] | null = null;
  private readonly queued: boolean;

  constructor(
    private readonly room: Room,
    options: TestPeerOptions = {},
  ) {
    if (options.clientID !== undefined) this.doc.clientID = options.clientID;
    this.queued = options.queued ?? false;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_ROOM) return;
      if (this.capture) this.capture.push(update);
      else if (this.joined) this.outbox.push(updateFrame(update));
    });
  }

  /**
   * A peer that joins already in sync: its doc starts as a copy of the
   * room's (which builds the room's doc) — the end of a handshake, without
   * the frames.
   */
  static inSync(room: Room, clientID?: number): TestPeer {
    const peer = new TestPeer(room, clientID === undefined ? {} : { clientID });
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(room.doc), FROM_ROOM);
    peer.joined = true;
    room.join(peer);
    return peer;
  }

  get isJoined(): boolean {
    return this.joined;
  }

  /** Joins as a y-websocket client does: its sync step 1 goes first (into `outbox`). */
  connect(): void {
    this.joined = true;
    this.room.join(this);
    this.outbox.push(syncStep1Frame(this.doc));
  }

  /** Leaves; whatever was on its way either side is lost, as with a dropped socket. */
  disconnect(): void {
    this.joined = false;
    this.room.leave(this);
    this.inbox.length = 0;
    this.outbox.length = 0;
  }

  send(frame: Uint8Array): void {
    if (!this.joined) return;
    if (this.queued) this.inbox.push(frame);
    else this.read(frame);
  }

  /** Reads the oldest frame of `inbox`. */
  readNext(): void {
    this.read(this.inbox.shift()!);
  }

  /** Delivers the oldest frame of `outbox` to the room. */
  sendNext(): void {
    this.deliver(this.outbox.shift()!);
  }

  /** Runs an edit on this peer's doc; returns the frame a client would send for it (not sent), or null if nothing changed. */
  edit(fn: (doc: Y.Doc) => void): Uint8Array | null {
    const updates: Uint8Array[] = [];
    this.capture = updates;
    try {
      fn(this.doc);
    } finally {
      this.capture = null;
    }
    if (updates.length === 0) return null;
    return updateFrame(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
  }

  /** What SyncConnection.handle does with a frame: decode, then hand it to the room (either may throw). */
  deliver(frame: Uint8Array): void {
    this.room.receive(this, decodeClientFrame(frame));
  }

  /** A reconnect, settled at once: both sides send what the other lacks (sync step 2 each way). */
  resync(): void {
    this.room.leave(this);
    this.room.join(this);
    this.joined = true;
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(this.doc)), FROM_ROOM);
    this.deliver(updateFrame(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.room.doc))));
  }

  private read(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const tag = decoding.readVarUint(decoder);
    if (tag === MessageTag.awareness) {
      this.awarenessReceived.push(decoding.readVarUint8Array(decoder));
      return;
    }
    if (tag !== MessageTag.sync) return;
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      // The room's state vector: answer with what it lacks, as a client does.
      this.outbox.push(syncStep2Frame(this.doc, payload));
      return;
    }
    this.received.push(payload);
    Y.applyUpdate(this.doc, payload, FROM_ROOM);
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
