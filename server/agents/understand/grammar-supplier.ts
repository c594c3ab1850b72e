import {
  DEFAULT_FORECAST_DAYS,
  MAX_FORECAST_DAYS,
  type SupplierMetric,
  type SupplierQuestion,
  type Window,
} from '../../../shared/plan/index.js';
import { freeNumbers, none, one, type Built, type GrammarInput } from './build.js';
import type { Clause } from './clause.js';
import type { Span } from './tags.js';
import { addDays, daysBetween } from './calendar.js';
import { allSelector, buildSelector } from './selector-build.js';

/** Supplier questions (from purchase orders) and demand forecasts. */
export function isSupplierClause(input: GrammarInput): boolean {
  const { clause } = input;
  // "how reliable is the supplier of the hard hat": a supplier question about an item's supplier.
  if (clause.has('item') && clause.cue('supplier') && clause.has('metric')) return true;
  if (clause.has('item') && !clause.cue('po')) return false;
  // "show me everything BoxCraft supplies": a list of the supplier's items.
  if (clause.has('all') && clause.has('verb', (v) => v.v === 'show') && !clause.has('metric')) return false;
  // "who should I buy plumbing supplies from": the best supplier for a category.
  if (
    clause.has('q', (q) => q.q === 'who') &&
    clause.has('verb', (v) => v.v === 'restock') &&
    clause.has('cat')
  )
    return true;
  // Money, cover, run-out, overstock and totals are item questions, even scoped by supplier.
  const itemCues = ['value', 'cover', 'run_out', 'overstock', 'total'] as const;
  if (itemCues.some((c) => clause.cue(c)) || clause.has('verb', (v) => v.v === 'restock')) return false;
  if (clause.has('q', (q) => q.q === 'how_many') || clause.has('field', (f) => f.f !== 'supplier'))
    return false;
  return (
    !!clause.cue('supplier') ||
    !!clause.cue('po') ||
    !!clause.cue('late') ||
    clause.has('metric') ||
    (clause.has('sup') &&
      !clause.has('cond') &&
      !clause.has('cat') &&
      !clause.has('verb', (v) => isWriteVerb(v.v)))
  );
}

const isWriteVerb = (v: string) =>
  ['remove', 'set', 'increase', 'decrease', 'restock', 'receive', 'sell', 'add'].includes(v);

export function buildSupplier(input: GrammarInput): Built {
  const { clause } = input;
  for (const s of clause.spans) {
    if (s.tag.t === 'q' || (s.tag.t === 'verb' && ['show', 'analyze', 'rank', 'compare'].includes(s.tag.v)))
      clause.use(s);
  }
  clause.use(clause.cue('supplier'));
  if (clause.has('q', (q) => q.q === 'who')) {
    for (const v of clause.all('verb')) if (v.tag.v === 'restock') clause.use(v);
    for (const p of clause.all('prep')) if (p.tag.p === 'from' && p === clause.spans.at(-1)) clause.use(p);
  }
  const window = readWindow(input);
  const w = window ? { window } : {};
  const sups = clause.all('sup');
  clause.use(...sups);
  const viaItem = supplierOfItem(input);
  if (viaItem) {
    const metricOf = clause.first('metric');
    clause.use(metricOf);
    const question: SupplierQuestion = {
      ask: 'one',
      supplier: viaItem.supplier,
      ...(metricOf ? { metric: metricOf.tag.m } : {}),
      ...w,
    };
    return { steps: [{ kind: 'supplier', writes: false, question }], ambiguous: viaItem.ambiguous };
  }
  for (const s of sups) {
    const b = clause.before(s);
    if (b?.tag.t === 'prep' && ['from', 'of', 'by'].includes(b.tag.p)) clause.use(b);
  }
  const metricSpan = clause.first('metric');
  clause.use(metricSpan);
  const metric: SupplierMetric | undefined = metricSpan?.tag.m;
  const po = clause.cue('po');
  if (po) {
    const overdue = clause.cue('overdue') ?? clause.cue('late');
    clause.use(po, overdue, clause.cue('open'));
    if (sups.length > 1) return none('one supplier for purchase orders');
    const question: SupplierQuestion = {
      ask: 'purchase_orders',
      status: overdue ? 'overdue' : 'open',
      ...(sups[0] ? { supplier: sups[0].tag.name } : {}),
      ...w,
    };
    return one({ kind: 'supplier', writes: false, question });
  }
  const late = clause.cue('late');
  if (late) {
    clause.use(late, clause.cue('best'));
    return one({ kind: 'supplier', writes: false, question: { ask: 'late_most', ...w } });
  }
  if (sups.length >= 2) {
    for (const c of clause.all('conj')) clause.use(c);
    const question: SupplierQuestion = {
      ask: 'compare',
      suppliers: sups.map((s) => s.tag.name),
      ...(metric ? { metric } : {}),
      ...w,
    };
    return one({ kind: 'supplier', writes: false, question });
  }
  if (sups.length === 1) {
    return one({
      kind: 'supplier',
      writes: false,
      question: { ask: 'one', supplier: sups[0]!.tag.name, ...(metric ? { metric } : {}), ...w },
    });
  }
  const best = clause.cue('best');
  const worst = clause.cue('worst');
  clause.use(best, worst);
  const cat = clause.first('cat');
  if (cat) {
    clause.use(cat, clause.before(cat)?.tag.t === 'prep' ? clause.before(cat) : undefined);
    return one({
      kind: 'supplier',
      writes: false,
      question: { ask: 'best_for_category', category: cat.tag.name, metric: metric ?? 'score', ...w },
    });
  }
  const limit = freeNumbers(clause)[0];
  clause.use(limit);
  const question: SupplierQuestion = {
    ask: 'rank',
    metric: metric ?? 'score',
    order: rankOrder(clause, metric, best, worst),
    ...(limit ? { limit: limit.tag.value } : {}),
    ...w,
  };
  return one({ kind: 'supplier', writes: false, question });
}

function readWindow(input: GrammarInput): Window | undefined {
  const { clause } = input;
  const period = clause.first('period');
  if (!period) return undefined;
  clause.use(period);
  const to = period.tag.to > input.today ? input.today : period.tag.to;
  return { from: period.tag.from, to, said: clause.raw(period) };
}

/** "forecast demand for cleaning through end of January". */
export function buildForecast(input: GrammarInput): Built {
  const { clause, lex } = input;
  for (const s of clause.spans) {
    if (s.tag.t === 'q' || (s.tag.t === 'verb' && ['forecast', 'sell', 'show'].includes(s.tag.v)))
      clause.use(s);
  }
  clause.use(clause.cue('demand'), clause.cue('units'));
  const start = addDays(lex.salesEnd, 1);
  let end = addDays(start, DEFAULT_FORECAST_DAYS - 1);
  let said = '';
  let period: { from: string; to: string } | undefined;
  const p = clause.first('period');
  if (p) {
    clause.use(p);
    said = clause.raw(p);
    if (p.tag.kind === 'duration' && p.tag.days) end = addDays(start, p.tag.days - 1);
    else {
      end = p.tag.to;
      if (p.tag.kind === 'range') period = { from: p.tag.from, to: p.tag.to };
    }
  }
  const days = daysBetween(start, end) + 1;
  if (days < 1) return none(`a period after ${lex.salesEnd}, when the sales data ends`);
  if (days > MAX_FORECAST_DAYS) return none(`a horizon of at most ${MAX_FORECAST_DAYS} days`);
  const sel = buildSelector(clause, lex);
  const selector = sel.named ? sel.selector : allSelector();
  const horizon = { start, end, days, said, ...(period ? { period } : {}) };
  return one({ kind: 'forecast', writes: false, selector, horizon }, sel);
}

/** Lower is better for defects and lead times: "lowest defect rate" asks for the best. */
const LOWER_IS_BETTER = new Set<SupplierMetric>(['defect_rate', 'mean_lead_time_days', 'p90_lead_time_days']);
const LOW_WORDS = new Set(['lowest', 'least', 'fewest', 'fastest', 'shortest', 'quickest']);
const HIGH_WORDS = new Set(['highest', 'most', 'slowest', 'longest']);

function rankOrder(
  clause: Clause,
  metric: SupplierMetric | undefined,
  best?: Span,
  worst?: Span,
): 'best' | 'worst' {
  const cue = best ?? worst;
  if (!cue) return 'best';
  const words = clause.words(cue);
  if (metric && LOWER_IS_BETTER.has(metric)) {
    if (words.some((w) => LOW_WORDS.has(w))) return 'best';
    if (words.some((w) => HIGH_WORDS.has(w))) return 'worst';
  }
  return worst && !best ? 'worst' : 'best';
}

/** The supplier of the item a supplier question names; several matching items ask which (NLU-5). */
function supplierOfItem(
  input: GrammarInput,
): { supplier: string; ambiguous: Built['ambiguous'] } | undefined {
  const { clause, lex } = input;
  const item = clause.first('item');
  if (!item || clause.has('sup')) return undefined;
  clause.use(item);
  for (const p of clause.all('prep')) if (p.tag.p === 'of' && clause.after(p) === item) clause.use(p);
  const first = lex.items.find((i) => i.id === item.tag.ids[0]);
  const ambiguous = item.tag.ids.length > 1 ? [{ said: item.tag.said, ids: item.tag.ids }] : [];
  return first?.supplier ? { supplier: first.supplier, ambiguous } : undefined;
}
