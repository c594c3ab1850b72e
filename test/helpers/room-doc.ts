import { expect } from 'vitest';
import { fingerprint } from './clients.js';
import type { TestServer } from './start-server.js';

export interface RoomDocCapture {
  /** Fails the test, with `message`, if the room's document now differs from the capture. */
  expectUnchanged(message: string): Promise<void>;
}

/**
 * Captures `fingerprint` (JSON and state vector) of a room's document, read in the server's
 * registry, for the "hostile input leaves the document as it was" check. Hold the room
 * loaded (keep a client connected) meanwhile: otherwise every read loads and unloads it.
 */
export async function captureRoomDoc(
  server: Pick<TestServer, 'registry'>,
  room: string,
): Promise<RoomDocCapture> {
  const read = () => server.registry.withRoom(room, (loaded) => fingerprint(loaded.doc));
  const before = await read();
  return {
    async expectUnchanged(message) {
      expect(await read(), message).toEqual(before);
    },
  };
}
