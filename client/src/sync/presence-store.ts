import type { Awareness } from 'y-protocols/awareness';
import { ExternalStore } from './store.js';

export interface Editing {
  itemId: string;
  field: string;
}

/** What every peer publishes in the room's awareness (people here; agents from the server). */
export interface PresenceUser {
  name: string;
  color: string;
  kind: 'user' | 'agent';
  status?: string;
}

export interface Peer extends PresenceUser {
  clientId: number;
  isSelf: boolean;
  editing: Editing | null;
}

const FALLBACK_COLOR = '#7d6b5d';

/** Awareness states come from the network: read them defensively, never trust their shape. */
export function toPeer(clientId: number, state: unknown, selfId: number): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, editing } = state as { user?: unknown; editing?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const u = user as Record<string, unknown>;
  const peer: Peer = {
    clientId,
    isSelf: clientId === selfId,
    name: typeof u['name'] === 'string' && u['name'] ? u['name'] : 'Anonymous',
    color: typeof u['color'] === 'string' ? u['color'] : FALLBACK_COLOR,
    kind: u['kind'] === 'agent' ? 'agent' : 'user',
    editing: null,
  };
  if (typeof u['status'] === 'string' && u['status']) peer.status = u['status'];
  if (typeof editing === 'object' && editing !== null) {
    const e = editing as Record<string, unknown>;
    if (typeof e['itemId'] === 'string' && typeof e['field'] === 'string') {
      peer.editing = { itemId: e['itemId'], field: e['field'] };
    }
  }
  return peer;
}

/** Yourself first, then people by name, then agents: a stable order that does not jump around. */
function orderPeers(peers: Peer[]): Peer[] {
  const rank = (p: Peer) => (p.isSelf ? 0 : p.kind === 'user' ? 1 : 2);
  return peers.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Everyone in the room, from the awareness protocol, plus this tab's own editing focus. */
export class PresenceStore extends ExternalStore<readonly Peer[]> {
  constructor(private readonly awareness: Awareness) {
    super([]);
    awareness.on('change', this.refresh);
    this.refresh();
  }

  /** Tells everyone which field this tab is editing (null: none), so they can outline the row. */
  readonly setEditing = (editing: Editing | null): void => {
    this.awareness.setLocalStateField('editing', editing);
  };

  destroy(): void {
    this.awareness.off('change', this.refresh);
  }

  private readonly refresh = () => {
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const peer = toPeer(clientId, state, this.awareness.clientID);
      if (peer) peers.push(peer);
    }
    this.set(orderPeers(peers));
  };
}
