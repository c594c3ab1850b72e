import { isBulkOperation, type BulkOperation } from './bulk.js';
import { isSkuLike, type Normalized } from './normalize.js';
import type { IntentContext } from './parser.js';
import { STATED_COUNT } from './resolve.js';
import { draft, type Classified, type Rule } from './rule.js';
import { add, removeItem, restock, setField } from './rules-edit.js';
import { findHorizonDays, findSupplierName } from './slots.js';
import {
  ANALYZE,
  BULK_WORD,
  FORECAST,
  HELP,
  LOW_STOCK,
  RECENTLY_ADDED,
  STOCK_WORDS,
  SUPPLIER,
  SUPPLIER_EVAL,
  leadingAction,
  type Action,
} from './vocabulary.js';

const LEAD_OPERATION: Partial<Record<Action, BulkOperation>> = {
  add: 'add_multiple',
  remove: 'remove_multiple',
  set: 'update_multiple',
};

const bulk: Rule = (n, lead, context) => {
  const named = BULK_WORD.exec(n.text);
  const operation = isBulkOperation(context['operation'])
    ? context['operation']
    : named
      ? (`${named[1]}_multiple` as BulkOperation)
      : Array.isArray(context['items']) && lead
        ? LEAD_OPERATION[lead]
        : undefined;
  if (!operation) return undefined;
  const stated = /\bon (\d+) (?:items?|entries|records)\b/.exec(n.text);
  return draft('bulk', { operation, [STATED_COUNT]: stated ? Number(stated[1]) : undefined }, 0.95);
};

const recentlyAdded: Rule = (n, lead) =>
  (lead === 'remove' || lead === 'undo') && RECENTLY_ADDED.test(n.text)
    ? draft('remove_recently_added', {})
    : undefined;

const undo: Rule = (_n, lead) => (lead === 'undo' ? draft('undo_last_agent_change', {}) : undefined);

const removeLowStock: Rule = (n, lead) =>
  lead === 'remove' && LOW_STOCK.test(n.text) ? draft('remove_low_stock', {}) : undefined;

const forecast: Rule = (n) =>
  FORECAST.test(n.text) || (/\bdemand\b/.test(n.text) && findHorizonDays(n) !== undefined)
    ? draft('forecast_demand', { horizon_days: findHorizonDays(n), sku: n.refs.find(isSkuLike) })
    : undefined;

const supplier: Rule = (n) =>
  SUPPLIER.test(n.text) && SUPPLIER_EVAL.test(n.text)
    ? draft('supplier_performance', { supplier: findSupplierName(n) })
    : undefined;

const stockAnalysis: Rule = (n) => {
  if (LOW_STOCK.test(n.text)) return draft('stock_analysis', {}, 0.85);
  return ANALYZE.test(n.text) && STOCK_WORDS.test(n.text) ? draft('stock_analysis', {}, 0.7) : undefined;
};

/**
 * Deterministic classification: an ordered list of rules, most specific
 * first; the first that places the request wins. Each returns a draft whose
 * slots may still be incomplete; context and validation come after.
 */
const RULES: readonly Rule[] = [
  bulk,
  recentlyAdded,
  undo,
  removeLowStock,
  restock,
  setField,
  removeItem,
  add,
  forecast,
  supplier,
  stockAnalysis,
];

export const HELP_REASON = 'asked what the agents can do';
const EMPTY_REASON = 'empty request';

export function classify(n: Normalized, context: IntentContext): Classified {
  const lead = leadingAction(n.text);
  for (const rule of RULES) {
    const found = rule(n, lead, context);
    if (found) return found;
  }
  const reason = n.text === '' ? EMPTY_REASON : HELP.test(n.text) ? HELP_REASON : 'no rule matched';
  return draft('general', { reason }, 0.2);
}
