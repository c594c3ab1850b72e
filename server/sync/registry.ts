import type { Store } from '../store/store.js';
import { Room, type RoomOptions } from './room/room.js';

/** Runs once after a room is loaded, before anyone sees it (e.g. seeding `demo`). */
export type RoomInitializer = (room: Room) => Promise<void>;

/** Opening one more room would exceed MAX_LOADED_ROOMS. */
export class RoomLimitError extends Error {
  override name = 'RoomLimitError';
  constructor(limit: number) {
    super(`too many rooms open (limit ${limit}); try again later`);
  }
}

interface Entry {
  room: Promise<Room>;
  holders: number;
}

/**
 * Loads a room on first use and unloads it (persisted first) when its last
 * holder releases it. A room being unloaded is reloaded fresh by the next
 * acquire, after the unload has finished writing.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly options: RoomOptions & { initialize?: RoomInitializer; maxLoadedRooms?: number },
  ) {}

  get loadedRooms(): number {
    return this.entries.size;
  }

  /** Whether acquiring this room now would stay within the loaded-rooms limit. */
  canOpen(name: string): boolean {
    return this.entries.has(name) || this.entries.size < (this.options.maxLoadedRooms ?? Infinity);
  }

  /** The room, loaded if needed; every acquire must be paired with one release. */
  async acquire(name: string): Promise<Room> {
    while (this.unloading.has(name)) await this.unloading.get(name);
    let entry = this.entries.get(name);
    if (!entry) {
      if (!this.canOpen(name)) throw new RoomLimitError(this.options.maxLoadedRooms!);
      entry = { room: this.load(name), holders: 0 };
      this.entries.set(name, entry);
    }
    entry.holders += 1;
    try {
      return await entry.room;
    } catch (error) {
      entry.holders -= 1;
      if (this.entries.get(name) === entry) this.entries.delete(name);
      throw error;
    }
  }

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.holders -= 1;
    if (entry.holders > 0) return;
    this.entries.delete(name);
    const done = entry.room
      .then((room) => room.close())
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, room: name }, 'unloading room failed'),
      )
      .finally(() => this.unloading.delete(name));
    this.unloading.set(name, done);
  }

  /** Runs `fn` with the room held, so it stays loaded for the duration. */
  async withRoom<T>(name: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(name);
    try {
      return await fn(room);
    } finally {
      this.release(name);
    }
  }

  private async load(name: string): Promise<Room> {
    const started = performance.now();
    const room = await Room.load(name, this.store, this.options);
    if (this.options.initialize) await this.options.initialize(room);
    this.options.logger.info(
      { room: name, seq: room.seq, ms: Math.round(performance.now() - started) },
      'room loaded',
    );
    return room;
  }

  /** Persists and unloads every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.entries.values()].map((entry) => entry.room);
    this.entries.clear();
    await Promise.allSettled(rooms.map(async (room) => (await room).close()));
    await Promise.allSettled([...this.unloading.values()]);
  }
}
