import { isBulkOperation } from './bulk.js';
import type { IntentContext } from './parser.js';
import type { IntentKind } from './schema.js';

/**
 * A parser's guess before context and validation: a kind and whatever slots
 * it found, possibly incomplete ("Remove item" with the id in context).
 */
export interface Draft {
  kind: IntentKind;
  slots: Record<string, unknown>;
}

/** A non-blank string, or a number as text (ids and SKUs are sometimes numeric). */
export function contextText(context: IntentContext, key: string): string | undefined {
  const value = context[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A number, or a string holding only one ("5"). */
function contextNumber(context: IntentContext, key: string): number | undefined {
  const value = context[key];
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

/** The item a context names: an id is exact, a SKU nearly so, a name last. */
function contextRef(context: IntentContext): string | undefined {
  return contextText(context, 'item_id') ?? contextText(context, 'sku') ?? contextText(context, 'item_name');
}

function put(slots: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) slots[key] = value;
}

/**
 * Context slots win over what the text said (AGENT-3: requests are
 * plain language plus an optional context). A bulk `operation` decides the
 * kind outright; an `item_name` turns "add a new item" into "create this one".
 */
export function applyContext(draft: Draft, context: IntentContext): Draft {
  const slots = { ...draft.slots };
  let kind = draft.kind;
  const operation = context['operation'];
  if (isBulkOperation(operation)) {
    kind = 'bulk';
    slots['operation'] = operation;
  }
  if (kind === 'add_items' && contextText(context, 'item_name')) kind = 'create_item';
  switch (kind) {
    case 'bulk':
      put(slots, 'items', context['items']);
      break;
    case 'add_items':
      put(slots, 'count', contextNumber(context, 'count'));
      put(slots, 'item_type', contextText(context, 'item_type'));
      put(slots, 'purpose', contextText(context, 'purpose'));
      break;
    case 'create_item': {
      put(slots, 'name', contextText(context, 'item_name'));
      put(slots, 'item_type', contextText(context, 'item_type'));
      const data = context['data'];
      if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
        slots['data'] = { ...(slots['data'] as object | undefined), ...data };
      }
      break;
    }
    case 'remove_item':
      put(slots, 'ref', contextRef(context));
      break;
    case 'restock_item':
      put(slots, 'ref', contextRef(context));
      put(slots, 'quantity', contextNumber(context, 'quantity'));
      break;
    case 'set_field':
      put(slots, 'ref', contextRef(context));
      put(slots, 'field', contextText(context, 'field'));
      if (Object.hasOwn(context, 'value')) slots['value'] = context['value'];
      break;
    case 'forecast_demand':
      put(slots, 'horizon_days', contextNumber(context, 'horizon_days'));
      put(slots, 'sku', contextText(context, 'sku'));
      break;
    case 'supplier_performance':
      put(slots, 'supplier', contextText(context, 'supplier'));
      break;
    default:
      break;
  }
  return { kind, slots };
}
