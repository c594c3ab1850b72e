/**
 * Typed transaction origins. Every write to a room document runs in one
 * transaction tagged with one of these, so observers (activity feeds, undo
 * managers, the agents' memory) can tell who did what by `origin.source`.
 */
export interface UserOrigin {
  readonly source: 'user';
  readonly userId: string;
}

export interface AgentOrigin {
  readonly source: 'agent';
  readonly agentId: string;
  readonly requestId: string;
  readonly requestedBy: string;
}

export interface SeedOrigin {
  readonly source: 'seed';
}

/** Bytes that arrived from elsewhere: a socket, the store, another process. */
export interface RemoteOrigin {
  readonly source: 'remote';
  readonly via: 'connection' | 'store' | 'redis' | 'peer';
}

/**
 * Writers inside the server process, which edit a room's live document
 * through `Room.transact`. A future server-side writer (a guard, an import,
 * MCP) adds its member here and its stamp to `updatedByOf`.
 */
export type ServerOrigin = AgentOrigin | SeedOrigin;

/** Origins of local writes: these stamp `updated_by`. */
export type WriteOrigin = UserOrigin | AgentOrigin | SeedOrigin;
export type Origin = WriteOrigin | RemoteOrigin;

export function isOrigin(value: unknown): value is Origin {
  if (typeof value !== 'object' || value === null) return false;
  const source = (value as { source?: unknown }).source;
  return source === 'user' || source === 'agent' || source === 'seed' || source === 'remote';
}

/** The `data.updated_by` stamp (DOC-4, DOC-7): `user:<id>`, `agent:<agentId>`, or `system:seed`. */
export function updatedByOf(origin: WriteOrigin): string {
  switch (origin.source) {
    case 'user':
      return `user:${origin.userId}`;
    case 'agent':
      return `agent:${origin.agentId}`;
    case 'seed':
      return 'system:seed';
  }
}
