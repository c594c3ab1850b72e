import { none, isQuestion, type Built, type GrammarInput } from './build.js';
import { buildAdd } from './grammar-add.js';
import { buildQuestion } from './grammar-ask.js';
import { buildEdit } from './grammar-edit.js';
import { buildMovement, buildRemove, buildRestock, buildUndo } from './grammar-stock.js';
import { buildForecast, buildSupplier, isSupplierClause } from './grammar-supplier.js';
import type { Span, TagOf } from './tags.js';

/**
 * Which grammar rule reads a clause: a question (by its first word or a
 * "?") is always read as a question, so "should we reorder X" can never
 * become a restock (NLU-2); otherwise the first action verb decides.
 */
type VerbSpan = Span & { tag: TagOf<'verb'> };

const WRITE_VERBS = new Set([
  'remove',
  'set',
  'increase',
  'decrease',
  'multiply',
  'restock',
  'receive',
  'sell',
  'add',
  'undo',
]);

export function routeClause(input: GrammarInput): Built {
  const { clause } = input;
  const forecast = clause.first('verb', (v) => v.v === 'forecast');
  const undo = clause.first('verb', (v) => v.v === 'undo');
  if (undo && !isQuestion(clause)) return buildUndo(input, undo);
  if (forecast || isSalesQuestion(input)) return buildForecast(input);
  if (clause.cue('help')) return buildQuestion(input);
  if (isQuestion(clause)) return isSupplierClause(input) ? buildSupplier(input) : buildQuestion(input);
  const verb = clause.spans.find((s): s is VerbSpan => s.tag.t === 'verb' && WRITE_VERBS.has(s.tag.v));
  if (!verb) {
    // No action at all ("low stock cleaning items", "BoxCraft on-time rate"): read as a question.
    if (isSupplierClause(input)) return buildSupplier(input);
    return buildQuestion(input);
  }
  switch (verb.tag.v) {
    case 'remove':
      return buildRemove(input, verb);
    case 'set':
    case 'increase':
    case 'decrease':
    case 'multiply':
      return buildEdit(input, verb);
    case 'restock':
      return buildRestock(input, verb);
    case 'receive':
    case 'sell':
      return buildMovement(input, verb);
    case 'add':
      return buildAdd(input, verb);
    default:
      return none('an action');
  }
}

/** "how many hand soap pumps will we sell in December": a forecast, asked as a question. */
function isSalesQuestion(input: GrammarInput): boolean {
  const { clause } = input;
  if (!isQuestion(clause)) return false;
  const future = clause.first('period', (p) => !p.back && p.kind !== 'since');
  const sell = clause.first('verb', (v) => v.v === 'sell');
  const demand = clause.cue('demand');
  return Boolean((sell && future && clause.words(sell)[0] !== 'sold') || (demand && !clause.cue('supplier')));
}
