import { z } from 'zod';

/**
 * The progress channel (PROG-1…PROG-19, docs/PROTOCOL.md): JSON text frames on
 * ws /progress/<room>, and the same messages over HTTP/SSE. Ephemeral: never
 * in the Y.Doc, never persisted.
 */

const NonBlank = z.string().trim().min(1, 'must not be blank');
export const RequestContextSchema = z.record(z.string(), z.unknown());
export type RequestContext = z.infer<typeof RequestContextSchema>;

// ---- client to server ----

export const UserRequestSchema = z.object({
  type: z.literal('user_request'),
  input: NonBlank.max(10_000),
  context: RequestContextSchema.optional(),
  userId: z.string().trim().min(1).max(200).optional(),
  requestId: z.string().trim().min(1).max(200).optional(),
});
export type UserRequest = z.infer<typeof UserRequestSchema>;

export const PingSchema = z.object({ type: z.literal('ping') });
export const CancelSchema = z.object({ type: z.literal('cancel'), requestId: NonBlank });
export type CancelMessage = z.infer<typeof CancelSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  UserRequestSchema,
  PingSchema,
  CancelSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export const CLIENT_MESSAGE_TYPES = ['user_request', 'ping', 'cancel'] as const;

// ---- server to client ----

export const ProgressType = {
  start: 'start',
  intentAnalysis: 'intent_analysis',
  inventoryAnalysis: 'inventory_analysis',
  analysisResults: 'analysis_results',
  itemCreation: 'item_creation',
  itemAdded: 'item_added',
  itemRemoval: 'item_removal',
  itemRemoved: 'item_removed',
  itemUpdated: 'item_updated',
  fieldChanged: 'field_changed',
  supplierAnalysis: 'supplier_analysis',
  supplierResults: 'supplier_results',
  forecastingAnalysis: 'forecasting_analysis',
  forecastResults: 'forecast_results',
  progress: 'progress',
  complete: 'complete',
  error: 'error',
} as const;
export type ProgressType = (typeof ProgressType)[keyof typeof ProgressType];
export const PROGRESS_TYPES = Object.values(ProgressType) as [ProgressType, ...ProgressType[]];

export const PrimaryIntent = {
  inventory: 'inventory_management',
  supplier: 'supplier_management',
  forecasting: 'forecasting',
  general: 'general',
} as const;
export type PrimaryIntent = (typeof PrimaryIntent)[keyof typeof PrimaryIntent];

export const ProgressMessageSchema = z.object({
  type: z.enum(PROGRESS_TYPES),
  requestId: z.string(),
  message: z.string(),
  timestamp: z.iso.datetime(),
  agentId: z.string().optional(),
  userId: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ProgressMessage = z.infer<typeof ProgressMessageSchema>;

/** A `pong`, or the answer to a bad frame: only `type` and `message`. */
export const ReplySchema = z.object({
  type: z.enum(['pong', 'error']),
  message: z.string(),
});
export type Reply = z.infer<typeof ReplySchema>;

export const ServerMessageSchema = z.union([ProgressMessageSchema, ReplySchema]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export function isTerminal(message: Pick<ProgressMessage, 'type'>): boolean {
  return message.type === 'complete' || message.type === 'error';
}

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
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reply: { type: 'error', message: `Unknown message type: ${String(type)}` } };
  }
  const result = ClientMessageSchema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || type}: ${i.message}`).join('; ');
    return { ok: false, reply: { type: 'error', message: `Malformed ${type}: ${detail}` } };
  }
  return { ok: true, message: result.data };
}
