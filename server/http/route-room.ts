import { Paths } from '../../shared/protocol.js';
import { isValidRoomName } from '../../shared/room-name.js';

export type ChannelMatch =
  { channel: 'sync' | 'progress'; room: string } | { channel: 'sync' | 'progress'; room: null } | null;

/** Which WebSocket channel a path names: a room that is valid, a room that is not (400), or none (404). */
export function matchChannel(pathname: string): ChannelMatch {
  for (const channel of ['sync', 'progress'] as const) {
    const prefix = `${Paths[channel]}/`;
    if (!pathname.startsWith(prefix)) continue;
    const room = pathname.slice(prefix.length);
    return { channel, room: isValidRoomName(room) ? room : null };
  }
  return null;
}
