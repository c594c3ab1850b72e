import { z } from 'zod';
import type { ProgressType } from './constants.js';
import {
  FieldChangedDataSchema,
  InventoryAnalysisDataSchema,
  ItemAddedDataSchema,
  ItemCreationDataSchema,
  ItemRemovalDataSchema,
  ItemRemovedDataSchema,
  ItemUpdatedDataSchema,
  AnalysisResultsDataSchema,
} from './data-items.js';
import {
  CompleteDataSchema,
  ErrorDataSchema,
  IntentAnalysisDataSchema,
  ProgressDataSchema,
  StartDataSchema,
} from './data-request.js';
import {
  ForecastingAnalysisDataSchema,
  ForecastResultsDataSchema,
  SupplierAnalysisDataSchema,
  SupplierResultsDataSchema,
} from './data-results.js';

/**
 * Server to client on ws /progress/<room>, and the same messages over HTTP
 * and SSE (PROG-3, PROG-5, docs/PROTOCOL.md). Ephemeral (PROG-18): never in the Y.Doc, never
 * persisted. Each type owns its `data` schema; a schema wrapped in
 * `.optional()` here is for a type its senders may send without `data`.
 */
export const PROGRESS_DATA = {
  start: StartDataSchema,
  intent_analysis: IntentAnalysisDataSchema,
  inventory_analysis: InventoryAnalysisDataSchema.optional(),
  analysis_results: AnalysisResultsDataSchema,
  item_creation: ItemCreationDataSchema.optional(),
  item_added: ItemAddedDataSchema,
  item_removal: ItemRemovalDataSchema,
  item_removed: ItemRemovedDataSchema,
  item_updated: ItemUpdatedDataSchema,
  field_changed: FieldChangedDataSchema,
  supplier_analysis: SupplierAnalysisDataSchema,
  supplier_results: SupplierResultsDataSchema,
  forecasting_analysis: ForecastingAnalysisDataSchema,
  forecast_results: ForecastResultsDataSchema,
  progress: ProgressDataSchema,
  complete: CompleteDataSchema,
  error: ErrorDataSchema,
} as const satisfies Record<ProgressType, z.ZodType>;

/** What a sender must put in `data` for a message of type T (undefined allowed where data may be left out). */
export type ProgressDataOf<T extends ProgressType> = z.infer<(typeof PROGRESS_DATA)[T]>;

const Envelope = z.object({
  requestId: z.string(),
  /** The human-readable line; every reader can show it whatever `data` holds. */
  message: z.string(),
  timestamp: z.iso.datetime(),
  agentId: z.string().optional(),
  userId: z.string().optional(),
});

/**
 * On the wire `data` is optional for every type ("the rest when they apply"),
 * so a reader that cannot use a message's `data` can still keep its line.
 */
type MessageSchemaOf<T extends ProgressType> = z.ZodObject<
  typeof Envelope.shape & { type: z.ZodLiteral<T>; data: z.ZodOptional<(typeof PROGRESS_DATA)[T]> }
>;

function messageOf<T extends ProgressType>(type: T): MessageSchemaOf<T> {
  // The cast names the member's own data schema; TypeScript would widen PROGRESS_DATA[type] to all of them.
  return Envelope.extend({
    type: z.literal(type),
    data: PROGRESS_DATA[type].optional(),
  }) as MessageSchemaOf<T>;
}

export const ProgressMessageSchema = z.discriminatedUnion('type', [
  messageOf('start'),
  messageOf('intent_analysis'),
  messageOf('inventory_analysis'),
  messageOf('analysis_results'),
  messageOf('item_creation'),
  messageOf('item_added'),
  messageOf('item_removal'),
  messageOf('item_removed'),
  messageOf('item_updated'),
  messageOf('field_changed'),
  messageOf('supplier_analysis'),
  messageOf('supplier_results'),
  messageOf('forecasting_analysis'),
  messageOf('forecast_results'),
  messageOf('progress'),
  messageOf('complete'),
  messageOf('error'),
]);
/** A message of a request (`requestId` always present), typed by its `type`. */
export type ProgressMessage = z.infer<typeof ProgressMessageSchema>;
export type ProgressMessageOf<T extends ProgressType> = Extract<ProgressMessage, { type: T }>;

// Compile-time check: the union has a member for every type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _everyType: Same<ProgressMessage['type'], ProgressType> = true;

/** A `pong`, or the answer to a bad frame: only `type` and `message`. */
export const ReplySchema = z.object({
  type: z.enum(['pong', 'error']),
  message: z.string(),
});
export type Reply = z.infer<typeof ReplySchema>;

/**
 * Everything the server sends on the channel. Not one discriminated union:
 * an `error` is either a request's last message or a reply to a bad frame,
 * told apart by `requestId`. Progress messages are tried first.
 */
export const ServerMessageSchema = z.union([ProgressMessageSchema, ReplySchema]);
export type ServerMessage = ProgressMessage | Reply;

export function isTerminal<M extends Pick<ProgressMessage, 'type'>>(
  message: M,
): message is M & { type: 'complete' | 'error' } {
  return message.type === 'complete' || message.type === 'error';
}
