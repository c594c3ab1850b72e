import { isTerminal, type ProgressMessage, type ServerMessage } from '../../../shared/progress.js';

/**
 * The agent panel's store logic, kept pure so it can be tested without a socket or React:
 * progress messages grouped by request, requests in the order they were first seen.
 * Progress is ephemeral (never persisted), so history is capped to keep a long session light.
 */

export const MAX_REQUESTS = 50;
/** A request that streams more than this (e.g. thousands of item_added) keeps its newest messages. */
export const MAX_MESSAGES_PER_REQUEST = 500;

/**
 * `pending`: not started yet, either sent from this tab and not yet echoed, or queued behind the
 * room's running request (`start` with `data.queued`).
 */
export type RequestStatus = 'pending' | 'running' | 'complete' | 'error' | 'cancelled';

export interface RequestGroup {
  readonly requestId: string;
  /** What was asked: typed in this tab, or `start`'s `data.input` for everyone else's requests. */
  readonly input?: string;
  readonly userId?: string;
  readonly status: RequestStatus;
  readonly messages: readonly ProgressMessage[];
  /** How many older messages were dropped by the per-request cap. */
  readonly dropped: number;
}

export interface ProgressState {
  /** Request ids, oldest first. */
  readonly order: readonly string[];
  readonly requests: Readonly<Record<string, RequestGroup>>;
  /** The latest channel-level reply without a request (e.g. "Invalid JSON format"). */
  readonly notice?: string;
}

export const initialProgressState: ProgressState = { order: [], requests: {} };

export function isFinished(status: RequestStatus): boolean {
  return status === 'complete' || status === 'error' || status === 'cancelled';
}

function statusAfter(current: RequestStatus, message: ProgressMessage): RequestStatus {
  // Exactly one terminal message per request; anything after it must not revive the request.
  if (isFinished(current)) return current;
  // The room runs one request at a time: `start` says whether this one waits behind others.
  if (message.type === 'start' && message.data?.queued === true) return 'pending';
  if (!isTerminal(message)) return 'running';
  if (message.type === 'complete') return 'complete';
  return message.data?.reason === 'cancelled' ? 'cancelled' : 'error';
}

/** Drops the oldest finished requests first, so a running request never vanishes from the panel. */
function capRequests(state: ProgressState): ProgressState {
  if (state.order.length <= MAX_REQUESTS) return state;
  const excess = state.order.length - MAX_REQUESTS;
  const finished = state.order.filter((id) => isFinished(state.requests[id]?.status ?? 'complete'));
  const victims = new Set(finished.slice(0, excess));
  // Only if nearly everything is still running do unfinished requests go, oldest first.
  for (const id of state.order) {
    if (victims.size >= excess) break;
    victims.add(id);
  }
  const requests = { ...state.requests };
  for (const id of victims) delete requests[id];
  return { ...state, order: state.order.filter((id) => !victims.has(id)), requests };
}

function upsert(state: ProgressState, group: RequestGroup): ProgressState {
  const known = group.requestId in state.requests;
  return capRequests({
    ...state,
    order: known ? state.order : [...state.order, group.requestId],
    requests: { ...state.requests, [group.requestId]: group },
  });
}

function isProgressMessage(message: ServerMessage): message is ProgressMessage {
  return 'requestId' in message && typeof message.requestId === 'string';
}

/** Folds one validated server message into the state. Pongs leave the state untouched (same object). */
export function progressReducer(state: ProgressState, message: ServerMessage): ProgressState {
  if (!isProgressMessage(message)) {
    if (message.type === 'pong' || state.notice === message.message) return state;
    return { ...state, notice: message.message };
  }
  const previous = state.requests[message.requestId];
  const base: RequestGroup = previous ?? {
    requestId: message.requestId,
    status: 'pending',
    messages: [],
    dropped: 0,
    ...(message.userId !== undefined ? { userId: message.userId } : {}),
  };
  let messages = [...base.messages, message];
  let dropped = base.dropped;
  if (messages.length > MAX_MESSAGES_PER_REQUEST) {
    const over = messages.length - MAX_MESSAGES_PER_REQUEST;
    messages = messages.slice(over);
    dropped += over;
  }
  const echoed =
    message.type === 'start' && typeof message.data?.input === 'string' ? message.data.input : undefined;
  const input = base.input ?? echoed;
  return upsert(state, {
    ...base,
    ...(input !== undefined ? { input } : {}),
    messages,
    dropped,
    status: statusAfter(base.status, message),
  });
}

/** Records a request this tab just sent, so it shows (as pending, with its text) before the server answers. */
export function addLocalRequest(
  state: ProgressState,
  request: { requestId: string; input: string; userId?: string },
): ProgressState {
  const previous = state.requests[request.requestId];
  if (previous) return upsert(state, { ...previous, input: request.input });
  return upsert(state, {
    requestId: request.requestId,
    input: request.input,
    status: 'pending',
    messages: [],
    dropped: 0,
    ...(request.userId !== undefined ? { userId: request.userId } : {}),
  });
}

/** Requests oldest first, as an array for rendering. */
export function requestList(state: ProgressState): RequestGroup[] {
  return state.order.flatMap((id) => state.requests[id] ?? []);
}
