/** ROOM-1; anything else is refused with HTTP 400 before any upgrade (ROOM-2). */
const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What a refusal says, on every path that names a room. */
export const ROOM_NAME_RULE = 'room name must match ^[A-Za-z0-9_-]{1,64}$';

export function isValidRoomName(name: string): boolean {
  return ROOM_NAME_PATTERN.test(name);
}
