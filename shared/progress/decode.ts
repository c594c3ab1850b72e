import {
  ProgressMessageSchema,
  ReplySchema,
  type ProgressMessage,
  type ServerMessage,
} from './server-messages.js';

/**
 * Reading a progress message from outside the process (the browser, another
 * server process over Redis). Lenient where it helps the person reading: a
 * message whose envelope is fine but whose `data` does not match its type's
 * schema (a field this reader does not know the shape of, a newer sender) is
 * kept WITHOUT its `data`, so its human line still shows and a `complete` or
 * `error` still ends its request. Unknown fields inside `data` are kept
 * anyway (the data schemas are loose objects). A message of an unknown type,
 * or without a valid envelope, is dropped.
 */
export type Decoded<M> = { message: M; dataDropped: boolean } | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeProgressMessage(json: unknown): Decoded<ProgressMessage> {
  const exact = ProgressMessageSchema.safeParse(json);
  if (exact.success) return { message: exact.data, dataDropped: false };
  if (!isRecord(json) || !('data' in json)) return null;
  const { data: _dropped, ...envelope } = json;
  const lenient = ProgressMessageSchema.safeParse(envelope);
  return lenient.success ? { message: lenient.data, dataDropped: true } : null;
}

/** A progress message, or else a reply (`pong`, a bad frame's `error`): those carry no `requestId`. */
export function decodeServerMessage(json: unknown): Decoded<ServerMessage> {
  if (isRecord(json) && 'requestId' in json) return decodeProgressMessage(json);
  const reply = ReplySchema.safeParse(json);
  return reply.success ? { message: reply.data, dataDropped: false } : null;
}
