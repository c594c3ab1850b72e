import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { itemsOf } from '../../../shared/items.js';
import type { UserOrigin } from '../../../shared/origins.js';
import { ActivityStore } from './activity-store.js';
import { ConnectionStore } from './connection-store.js';
import { ItemsStore } from './items-store.js';
import { PresenceStore } from './presence-store.js';
import { UndoStore } from './undo-store.js';

/** One open room: its document, this tab's identity and the stores the hooks read. */
export interface Room {
  readonly name: string;
  readonly userId: string;
  readonly color: string;
  readonly token?: string;
  readonly doc: Y.Doc;
  /** The one origin of every write this tab makes; `updated_by` becomes `user:<userId>`. */
  readonly origin: UserOrigin;
  readonly awareness: Awareness;
  readonly items: ItemsStore;
  readonly activity: ActivityStore;
  readonly presence: PresenceStore;
  readonly undo: UndoStore;
  readonly connection: ConnectionStore;
  destroy(): void;
}

export interface RoomParts {
  name: string;
  userId: string;
  color: string;
  token?: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** Transaction origins that load state rather than change it (IndexedDB): kept out of the feed. */
  quietOrigins?: readonly unknown[];
  /** Tells the catch-up sync after connecting from live remote changes (labelled in the feed). */
  isCatchUp?: (origin: unknown) => boolean;
  connection?: ConnectionStore;
  /** Extra teardown of the transport (provider, persistence). */
  onDestroy?: () => void;
}

/**
 * Builds the stores over a document and an awareness, without any transport.
 * openRoom adds IndexedDB and the WebSocket; tests use this directly.
 */
export function createRoom(parts: RoomParts): Room {
  const origin: UserOrigin = { source: 'user', userId: parts.userId };
  const map = itemsOf(parts.doc);
  const items = new ItemsStore(map);
  const undo = new UndoStore(map, origin);
  const activity = new ActivityStore(items, {
    user: origin,
    quiet: new Set(parts.quietOrigins ?? []),
    ...(parts.isCatchUp ? { isCatchUp: parts.isCatchUp } : {}),
  });
  parts.awareness.setLocalState({
    user: { name: parts.userId, color: parts.color, kind: 'user' },
    editing: null,
  });
  const presence = new PresenceStore(parts.awareness);
  return {
    name: parts.name,
    userId: parts.userId,
    color: parts.color,
    ...(parts.token ? { token: parts.token } : {}),
    doc: parts.doc,
    origin,
    awareness: parts.awareness,
    items,
    activity,
    presence,
    undo,
    connection: parts.connection ?? new ConnectionStore({ loaded: true }),
    destroy() {
      activity.destroy();
      undo.destroy();
      items.destroy();
      presence.destroy();
      parts.onDestroy?.();
    },
  };
}
