import { none, isQuestion, type Built, type GrammarInput } from './build.js';
import { buildAdd } from './grammar-add.js';
import { buildQuestion } from './grammar-ask.js';
import { buildEdit } from './grammar-edit.js';
import { buildMovement, buildRemove, buildRestock, buildUndo } from './grammar-stock.js';
import { buildForecast, buildSupplier, isSupplierClause } from './grammar-supplier.js';
import type { VerbSpan } from './tags.js';

/**
 * Which grammar rule reads a clause: a question (by its first word or a
 * "?") is always read as a question, so "should we reorder X" can never
 * become a restock (NLU-2); otherwise the first action verb decides.
 */

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
  if (undo && clause.cue('just_added')) return buildRemove(input, undo);
  if (undo && !isQuestion(clause)) return buildUndo(input, undo);
  if (forecast || isSalesQuestion(input)) return buildForecast(input);
  if (clause.cue('help')) return buildQuestion(input);
  if (isQuestion(clause)) return isSupplierClause(input) ? buildSupplier(input) : buildQuestion(input);
  const verb = clause.spans.find((s): s is VerbSpan => s.tag.t === 'verb' && WRITE_VERBS.has(s.tag.v));
  // "drop / cut the price of X to 10": with a field named, these decrease, not remove.
  if (
    verb?.tag.v === 'remove' &&
    clause.has('field') &&
    ['drop', 'cut'].includes(clause.words(verb)[0] ?? '')
  ) {
    clause.use(verb);
    return buildEdit(input, { ...verb, tag: { t: 'verb', v: 'decrease' } });
  }
  const goodsIn = verb ? undefined : gotIn(input);
  if (goodsIn) return buildMovement(input, goodsIn);
  const assign = verb ? undefined : assignment(input);
  if (assign) return buildEdit(input, assign);
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
  const howMany = clause.first('q', (q) => q.q === 'how_many' || q.q === 'how_much');
  // "how many X will we need next quarter": a count over a future period is a forecast.
  const needed =
    howMany &&
    future &&
    future.tag.kind !== 'until' &&
    !clause.cue('run_out') &&
    !clause.cue('cover') &&
    !clause.has('verb', (v) => v.v === 'restock');
  return Boolean(
    (sell && future && clause.words(sell)[0] !== 'sold') || (demand && !clause.cue('supplier')) || needed,
  );
}

/** "glass cleaner stock = 380": an item, a field, "=" or ":" and a number, with no verb. */
function assignment(input: GrammarInput): VerbSpan | undefined {
  const { clause } = input;
  if (!clause.has('item') || !clause.has('field') || isQuestion(clause)) return undefined;
  // "= 380", ": 380", "should be 380".
  const eq = clause.spans.find(
    (s) =>
      (s.tag.t === 'prep' && s.tag.p === 'to' && ['=', ':'].includes(clause.words(s)[0] ?? '')) ||
      (s.tag.t === 'q' && s.tag.q === 'should'),
  );
  if (!eq || clause.after(eq)?.tag.t !== 'num') return undefined;
  clause.use(eq);
  return { ...eq, tag: { t: 'verb', v: 'set' } };
}

/** "got 24 hard hats in": goods in, said the way the shop floor says it. */
function gotIn(input: GrammarInput): VerbSpan | undefined {
  const { clause } = input;
  const words = clause.tokens.slice(clause.start, clause.end).map((t) => t.norm);
  const last = [...clause.spans].reverse().find((s) => s.tag.t !== 'filler' && s.tag.t !== 'conj');
  if (!words.includes('got') || last?.tag.t !== 'prep' || last.tag.p !== 'in') return undefined;
  if (!clause.has('num') || !clause.has('item') || isQuestion(clause)) return undefined;
  clause.use(last);
  return { ...last, tag: { t: 'verb', v: 'receive' } };
}
