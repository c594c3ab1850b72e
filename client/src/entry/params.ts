import { isValidRoomName } from '../../../shared/room-name.js';
import { storedColor, storedUserId } from './identity.js';

/** UI-1, UI-2: ?room= (default demo), ?user=, ?token=. */
const DEFAULT_ROOM = 'demo';
const MAX_USER_LENGTH = 200;

export interface Session {
  room: string;
  userId: string;
  color: string;
  token?: string;
}

export type EntryResult = { ok: true; session: Session } | { ok: false; error: string };

export function readEntry(search: string, storage: Storage | undefined): EntryResult {
  const params = new URLSearchParams(search);
  const room = params.get('room') ?? DEFAULT_ROOM;
  if (!isValidRoomName(room)) {
    return {
      ok: false,
      error: `“${room}” is not a valid room name: use 1–64 letters, digits, “_” or “-”.`,
    };
  }
  const user = params.get('user')?.trim();
  if (user !== undefined && (user.length === 0 || user.length > MAX_USER_LENGTH)) {
    return { ok: false, error: `The user name must have 1–${MAX_USER_LENGTH} characters.` };
  }
  const token = params.get('token') ?? undefined;
  const session: Session = {
    room,
    userId: user ?? storedUserId(storage),
    color: storedColor(storage),
  };
  if (token) session.token = token;
  return { ok: true, session };
}
