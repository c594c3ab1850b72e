import type { Selector, Step } from '../../../shared/plan/index.js';
import { none, one, type Built, type GrammarInput } from './build.js';
import { daysBetween } from './calendar.js';
import { allSelector, buildSelector, type BuiltSelector } from './selector-build.js';

/**
 * Questions about items and stock. Questions may default to the whole board
 * ("what is overstocked"): they never write (NLU-2), so a wide scope is
 * harmless. Which question it is comes from its cue words, most specific
 * first.
 */
export function buildQuestion(input: GrammarInput): Built {
  const { clause } = input;
  for (const q of clause.all('q')) clause.use(q);
  for (const v of clause.all('verb')) if (v.tag.v === 'show' || v.tag.v === 'analyze') clause.use(v);
  const help = clause.cue('help');
  if (help) {
    clause.use(help);
    return one({ kind: 'help', writes: false });
  }
  const value = clause.cue('value');
  const cover = clause.cue('cover');
  const howLong = clause.first('q', (q) => q.q === 'how_long');
  const runOut = clause.cue('run_out');
  const overstock = clause.cue('overstock');
  const restockVerb = clause.first('verb', (v) => v.v === 'restock');
  const total = clause.cue('total');
  const units = clause.cue('units');
  const howMany = clause.first('q', (q) => q.q === 'how_many' || q.q === 'how_much');

  if (value) {
    clause.use(total, ...clause.all('cue').filter((c) => c.tag.c === 'value'));
    return ask(input, (selector) => ({ kind: 'stock_value', writes: false, selector }));
  }
  if (cover || howLong) {
    clause.use(cover, howLong, clause.cue('days'));
    return ask(input, (selector) => ({ kind: 'days_of_cover', writes: false, selector }));
  }
  if (runOut) {
    clause.use(runOut);
    const period = clause.first('period', (p) => !p.back);
    let within: number | undefined;
    if (period) {
      clause.use(period);
      within =
        period.tag.kind === 'duration' && period.tag.days
          ? period.tag.days
          : daysBetween(input.today, period.tag.to);
      if (within < 1) return none('a date after today');
    }
    return ask(input, (selector) => ({
      kind: 'runs_out',
      writes: false,
      selector,
      ...(within !== undefined ? { within_days: within } : {}),
    }));
  }
  if (overstock) {
    clause.use(...clause.all('cue').filter((c) => c.tag.c === 'overstock'));
    return ask(input, (selector) => ({ kind: 'overstock', writes: false, selector }));
  }
  if (restockVerb) {
    clause.use(restockVerb, clause.cue('units'));
    const period = clause.first('period', (p) => !p.back && p.kind !== 'since');
    clause.use(period);
    const within = period ? Math.max(1, daysBetween(input.today, period.tag.to) + 1) : undefined;
    return ask(input, (selector) => ({
      kind: 'reorder_advice',
      writes: false,
      selector,
      ...(within !== undefined ? { within_days: within } : {}),
    }));
  }
  const leadTime = clause.first('metric', (m) => m.m === 'mean_lead_time_days');
  const fields = [
    ...clause.all('field'),
    ...(leadTime ? [{ ...leadTime, tag: { t: 'field' as const, f: 'lead_time_days' } }] : []),
  ];
  const who = clause.first('q', (q) => q.q === 'who');
  const sel = buildSelector(clause, input.lex);
  const namesItems = sel.selector.items.length > 0;
  if (namesItems && sel.selector.conditions.length > 0 && fields.length === 0) {
    // "is the X low?": which of the named items meet the condition.
    return one({ kind: 'list_items', writes: false, selector: sel.selector }, sel);
  }
  if (namesItems && (fields.length > 0 || who || howMany)) {
    clause.use(...fields, units, leadTime);
    const list = fields.map((f) => f.tag.f);
    if (who && list.length === 0) list.push('supplier');
    if (howMany && list.length === 0) list.push('current_stock');
    return one(
      { kind: 'item_fields', writes: false, selector: sel.selector, fields: [...new Set(list)] },
      sel,
    );
  }
  if (howMany || total) {
    clause.use(total, units);
    const stockField = fields.find((f) => f.tag.f === 'current_stock');
    clause.use(stockField);
    const measure = units || stockField ? 'units' : 'items';
    return one({ kind: 'totals', writes: false, selector: orAll(sel), measure }, sel);
  }
  // A plain "stock" with no item ("give me a stock report") names no field.
  const realFields = fields.filter((f) => clause.words(f).join(' ') !== 'stock');
  if (realFields.length > 0 && !namesItems) return none('which item');
  if (namesItems) return one({ kind: 'item_fields', writes: false, selector: sel.selector, fields: [] }, sel);
  if (!sel.named) {
    const analyze = clause.first('verb', (v) => v.v === 'analyze');
    if (analyze) return one({ kind: 'stock_analysis', writes: false });
    return none('what to look up');
  }
  return one({ kind: 'list_items', writes: false, selector: sel.selector }, sel);
}

function orAll(sel: BuiltSelector): Selector {
  return sel.named ? sel.selector : { ...allSelector(), exclude: sel.selector.exclude };
}

function ask(input: GrammarInput, make: (selector: Selector) => Step): Built {
  const sel = buildSelector(input.clause, input.lex);
  return one(make(orAll(sel)), sel);
}
