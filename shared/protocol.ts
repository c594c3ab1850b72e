/**
 * The y-websocket framing, unchanged so that the stock WebsocketProvider works:
 * every binary frame starts with a varUint tag; the payload comes from y-protocols.
 */
export const MessageTag = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageTag = (typeof MessageTag)[keyof typeof MessageTag];

/** WebSocket close codes we send, named so that logs and tests read the same. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  unauthorized: 4401,
  forbidden: 4403,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** WebSocket `readyState` values (the same in browsers and in `ws`), named for server and client. */
export const ReadyState = {
  connecting: 0,
  open: 1,
  closing: 2,
  closed: 3,
} as const;
export type ReadyState = (typeof ReadyState)[keyof typeof ReadyState];

/** URL prefixes of the contract (SYNC-1, PROG-1, HTTP-2); a room name follows each. */
export const Paths = {
  sync: '/yjs',
  progress: '/progress',
  api: '/api',
} as const;
