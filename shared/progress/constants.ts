/**
 * The names of the progress protocol (PROG-5, PROG-17, docs/PROTOCOL.md): message
 * types, primary intents and the reasons an `error` gives.
 */

/**
 * Bumped when a message or a `data` field changes meaning or is removed;
 * adding a message type or a field does not bump it (readers pass unknown
 * fields through). Not in any message: the contract fixes their shape. The
 * HTTP requests route sends it as the `x-progress-protocol` header, and the
 * web client is built from this same constant.
 */
export const PROGRESS_PROTOCOL_VERSION = 1;
export const PROGRESS_PROTOCOL_HEADER = 'x-progress-protocol';

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

/** `intent_analysis.data.intent.primary_intent`. */
export const PrimaryIntent = {
  inventory: 'inventory_management',
  supplier: 'supplier_management',
  forecasting: 'forecasting',
  general: 'general',
} as const;
export type PrimaryIntent = (typeof PrimaryIntent)[keyof typeof PrimaryIntent];

/**
 * `error.data.reason`: why a request ended without doing (all of) what it was
 * asked. The reasons every agent shares; an agent may name a finer one.
 */
export const ErrorReason = {
  /** `cancel` (or a server shutting down); edits made so far stay. */
  cancelled: 'cancelled',
  /** The server cannot run it now (room limit, request line down, its process died). */
  unavailable: 'unavailable',
  /** A bug; logged on the server. */
  internal: 'internal',
  /** Understood, but refused as asked (a bad value, a bulk entry that fails). */
  invalid: 'invalid',
  notFound: 'not_found',
  /** A name that matches several items. */
  ambiguous: 'ambiguous',
  nothingToDo: 'nothing_to_do',
} as const;
export type ErrorReason = (typeof ErrorReason)[keyof typeof ErrorReason];
