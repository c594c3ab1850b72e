import { z } from 'zod';
import { formatIssues } from '../zod-issues.js';
import type { Reply } from './server-messages.js';

/** Client to server on ws /progress/<room> (PROG-2, docs/PROTOCOL.md). */

const NonBlank = z.string().trim().min(1, 'must not be blank');
export const RequestContextSchema = z.record(z.string(), z.unknown());
export type RequestContext = z.infer<typeof RequestContextSchema>;

export const UserRequestSchema = z.object({
  type: z.literal('user_request'),
  input: NonBlank.max(10_000),
  context: RequestContextSchema.optional(),
  userId: z.string().trim().min(1).max(200).optional(),
  requestId: z.string().trim().min(1).max(200).optional(),
});
export type UserRequest = z.infer<typeof UserRequestSchema>;

const PingSchema = z.object({ type: z.literal('ping') });
const CancelSchema = z.object({ type: z.literal('cancel'), requestId: NonBlank });
export type CancelMessage = z.infer<typeof CancelSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  UserRequestSchema,
  PingSchema,
  CancelSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
const CLIENT_MESSAGE_TYPES: ReadonlySet<string> = new Set(
  ClientMessageSchema.options.map((o) => o.shape.type.value),
);

/** Decodes one client frame into a message or the exact error reply of PROG-10…PROG-12. */
export function parseClientFrame(
  text: string,
): { ok: true; message: ClientMessage } | { ok: false; reply: Reply } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reply: { type: 'error', message: 'Invalid JSON format' } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reply: { type: 'error', message: 'Message must be a JSON object with a type' } };
  }
  const type = (json as { type?: unknown }).type;
  if (typeof type !== 'string' || !CLIENT_MESSAGE_TYPES.has(type)) {
    return { ok: false, reply: { type: 'error', message: `Unknown message type: ${String(type)}` } };
  }
  const result = ClientMessageSchema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      reply: { type: 'error', message: `Malformed ${type}: ${formatIssues(result.error, type)}` },
    };
  }
  return { ok: true, message: result.data };
}
