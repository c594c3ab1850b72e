import { ExternalStore } from './store.js';

/** The exact texts of UI-9 (data-testid="connection-status"). */
export type ConnectionStatus = 'online' | 'offline' | 'connecting';

/** What the sync layer knows; the store derives what the header shows from it. */
export interface ConnectionFacts {
  /** The WebSocket is open. */
  connected: boolean;
  /** The server answered our sync request on the current connection. */
  synced: boolean;
  /** A connection attempt failed or dropped since we were last in sync: retries are "offline", not "connecting". */
  failed: boolean;
  /** navigator.onLine: false is certain, true only means "maybe". */
  browserOnline: boolean;
  /** The server refused us for good (close code 44xx): the reason, and the provider stops retrying. */
  refused: string | null;
  /** This browser's copy (IndexedDB) has been read. */
  loaded: boolean;
  /** Local changes not yet handed to the server, see PendingCounter. */
  pending: number;
}

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  pending: number;
  loaded: boolean;
  refused: string | null;
}

export function deriveStatus(facts: ConnectionFacts): ConnectionStatus {
  if (!facts.browserOnline || facts.refused) return 'offline';
  if (facts.connected && facts.synced) return 'online';
  return facts.failed ? 'offline' : 'connecting';
}

export const INITIAL_FACTS: ConnectionFacts = {
  connected: false,
  synced: false,
  failed: false,
  browserOnline: true,
  refused: null,
  loaded: false,
  pending: 0,
};

export class ConnectionStore extends ExternalStore<ConnectionSnapshot> {
  private facts: ConnectionFacts;

  constructor(initial: Partial<ConnectionFacts> = {}) {
    const facts = { ...INITIAL_FACTS, ...initial };
    super(snapshotOf(facts));
    this.facts = facts;
  }

  get current(): ConnectionFacts {
    return this.facts;
  }

  update(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    const next = snapshotOf(this.facts);
    const prev = this.getSnapshot();
    const same =
      prev.status === next.status &&
      prev.pending === next.pending &&
      prev.loaded === next.loaded &&
      prev.refused === next.refused;
    if (!same) this.set(next);
  }
}

function snapshotOf(facts: ConnectionFacts): ConnectionSnapshot {
  return {
    status: deriveStatus(facts),
    pending: facts.pending,
    loaded: facts.loaded,
    refused: facts.refused,
  };
}
