import type * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../../logger.js';
import type { CommitQueueOptions } from './commit-queue.js';

export interface RoomOptions extends Pick<CommitQueueOptions, 'compactAfterUpdates' | 'compactAfterBytes'> {
  logger: Logger;
  replicator?: RoomReplicator | undefined;
}

/** What a replicator needs of a room (a `Room` is one). */
export interface ReplicaRoom {
  readonly name: string;
  /** Presence, relayed between processes as well. */
  readonly awareness: awarenessProtocol.Awareness;
  /** Every stored update through this sequence number is in the room's doc. */
  readonly seq: number;
  /** The highest sequence number in the doc; above `seq` while another process's commits are on their way. */
  readonly highestSeq: number;
  readonly isClosed: boolean;
  /** Applies updates another process committed as first..last. */
  applyRemote(first: number, last: number, update: Uint8Array): void;
}

/**
 * Shares a room's committed updates with other server processes
 * (server/scale, docs/SCALING.md). Absent with one process.
 */
export interface RoomReplicator {
  /** The room was loaded: start hearing about it and catch up. Resolves before anyone sees the room. */
  attach(room: ReplicaRoom): Promise<void>;
  /** Local updates were committed as sequence numbers first..last. Must not throw. */
  committed(room: ReplicaRoom, first: number, last: number, update: Uint8Array): void;
  /** The room is unloading. */
  detach(room: ReplicaRoom): void;
}
