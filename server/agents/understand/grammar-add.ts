import type { FieldValueSchema, NewItemSpec } from '../../../shared/plan/index.js';
import type { z } from 'zod';
import {
  freeNumbers,
  none,
  numberAfter,
  one,
  writeSelector,
  type Built,
  type GrammarInput,
} from './build.js';
import type { Clause } from './clause.js';
import type { Span, VerbSpan } from './tags.js';

/**
 * Adding: a new item with the fields the text gives ("add an item named
 * Widget X with sku WID-1, stock 40 and reorder point 10"); catalogue
 * products by count, category, supplier ("add 5 cleaning products from
 * PureShine for Q1 planning"); or units of an item on the board ("add 20
 * units of hand soap pump" receives them).
 */
type Value = z.infer<typeof FieldValueSchema>;

export function buildAdd(input: GrammarInput, verb: VerbSpan): Built {
  const { clause, context } = input;
  clause.use(verb, clause.cue('new'));
  const named = clause.first('prep', (p) => p.p === 'named');
  const quoted = clause.first('quoted');
  const contextName = typeof context['item_name'] === 'string' ? context['item_name'].trim() : '';
  if (named || quoted || contextName !== '') return buildNewItem(input, named, quoted, contextName);

  const field = clause.first('field');
  const to = numberAfter(clause, 'to') ?? numberBeforeTo(clause, field);
  if (field && to) {
    clause.use(field, to.prep, to.num);
    const sel = writeSelector(input);
    if (!sel) return none(`which items' ${field.tag.f} to change`);
    const change = { kind: 'delta' as const, amount: to.num.tag.value };
    return one(
      { kind: 'adjust_field', writes: true, selector: sel.selector, field: field.tag.f, change },
      sel,
    );
  }
  // Items named after "for" are the purpose ("for the spring promotion"), not what to add.
  const forAt = clause.tokens.findIndex((t, k) => k >= clause.start && k < clause.end && t.norm === 'for');
  if (clause.spans.some((s) => s.tag.t === 'item' && (forAt < 0 || s.start < forAt)) && !clause.has('cat')) {
    const n = freeNumbers(clause)[0] ?? to?.num;
    if (!n) return none('how many units to add');
    clause.use(n, to?.prep, clause.cue('units'));
    const sel = writeSelector(input);
    if (!sel) return none('which item');
    return one({ kind: 'receive', writes: true, selector: sel.selector, quantity: n.tag.value }, sel);
  }
  return buildFromCatalogue(input);
}

/** "add 20 to the stock of X": the number comes before "to <field>". */
function numberBeforeTo(clause: Clause, field: Span | undefined): ReturnType<typeof numberAfter> {
  if (!field) return undefined;
  const prep = clause.before(field);
  const num = freeNumbers(clause).find((x) => x.end <= field.start);
  if (prep?.tag.t !== 'prep' || prep.tag.p !== 'to' || !num) return undefined;
  return { prep, num };
}

function buildFromCatalogue(input: GrammarInput): Built {
  const { clause } = input;
  const count = freeNumbers(clause)[0];
  clause.use(count);
  const cats = clause.all('cat');
  const sups = clause.all('sup');
  if (cats.length > 1 || sups.length > 1) return none('one category or one supplier for new products');
  clause.use(...cats, ...sups);
  for (const s of sups) clause.use(clause.before(s));
  // "for Q1 planning": the rest of the clause says what the items are for.
  let purpose: string | undefined;
  const forAt = clause.tokens.findIndex((t, k) => k >= clause.start && k < clause.end && t.norm === 'for');
  if (forAt >= 0) {
    const rest = clause.tokens.slice(forAt + 1, clause.end).filter((t) => t.kind !== 'punct');
    if (rest.length > 0) {
      purpose = rest.map((t) => t.raw).join(' ');
      clause.useRange(forAt, clause.end);
      for (const s of clause.spans) if (s.end > forAt && s.start < clause.end) clause.use(s);
    }
  }
  const step = {
    kind: 'create_from_catalogue' as const,
    writes: true as const,
    count: count?.tag.value ?? 1,
    ...(cats[0] ? { category: cats[0].tag.name } : {}),
    ...(sups[0] ? { supplier: sups[0].tag.name } : {}),
    ...(purpose ? { purpose } : {}),
  };
  if (!Number.isInteger(step.count) || step.count < 1 || step.count > 500)
    return none('a count from 1 to 500');
  return one(step);
}

function buildNewItem(
  input: GrammarInput,
  named: Span | undefined,
  quoted: Span | undefined,
  contextName: string,
): Built {
  const { clause, context } = input;
  // "a new supplier named X" is an item of type supplier; "… and supplier BoxCraft" is a field.
  const cue = clause.cue('supplier');
  const named0 = named ?? quoted;
  const typeCue = cue && named0 && cue.start < named0.start ? cue : undefined;
  const contextType = typeof context['item_type'] === 'string' ? context['item_type'] : 'inventory';
  const type = typeCue ? 'supplier' : contextType;
  clause.use(typeCue);
  let name = contextName;
  let fieldsFrom = named?.end ?? quoted?.end ?? clause.end;
  if (quoted && (!named || clause.after(named) === quoted)) {
    name = quoted.tag.t === 'quoted' ? quoted.tag.text : name;
    clause.use(named, quoted);
    fieldsFrom = quoted.end;
  } else if (named) {
    // The name runs to "with", a comma, or the end.
    const stop = clause.spans.find(
      (s) =>
        s.start >= named.end &&
        ((s.tag.t === 'prep' && s.tag.p === 'with') ||
          (s.tag.t === 'conj' && (clause.words(s)[0] === ',' || s === clause.spans.at(-1)))),
    );
    const end = stop?.start ?? clause.end;
    const text = clause.tokens
      .slice(named.end, end)
      .map((t) => t.raw)
      .join(' ');
    if (text === '') return none('the new item’s name');
    name = text;
    clause.useRange(named.start, end);
    fieldsFrom = end;
  }
  if (name === '') return none('the new item’s name');
  const data = readFields(clause, fieldsFrom, type);
  if (typeof data === 'string') return none(data);
  const contextData = context['data'];
  if (contextData && typeof contextData === 'object' && !Array.isArray(contextData)) {
    for (const [k, v] of Object.entries(contextData)) if (!Object.hasOwn(data, k)) data[k] = v as Value;
  }
  const item: NewItemSpec = { type, name, data };
  return one({ kind: 'add_items', writes: true, items: [item] });
}

/** "with sku WID-1, stock 40, reorder point 10, supplier BoxCraft": field then value. */
function readFields(clause: Clause, from: number, type: string): Record<string, Value> | string {
  const data: Record<string, Value> = {};
  for (const span of clause.spans) {
    if (span.start < from || clause.used.has(span)) continue;
    if (span.tag.t === 'prep' && span.tag.p === 'with') clause.use(span);
    if (span.tag.t === 'cat' && type === 'inventory') {
      data['category'] = span.tag.name;
      clause.use(span, clause.before(span)?.tag.t === 'prep' ? clause.before(span) : undefined);
    }
    if (span.tag.t === 'sup' && type === 'inventory') {
      data['supplier'] = span.tag.name;
      clause.use(span);
      const before = clause.before(span);
      if (
        (before?.tag.t === 'prep' && before.tag.p === 'from') ||
        (before?.tag.t === 'cue' && before.tag.c === 'supplier')
      ) {
        clause.use(before);
      }
    }
    if (span.tag.t !== 'field') continue;
    let next = clause.after(span);
    if (next?.tag.t === 'prep' && ['to', 'of', 'at', 'as'].includes(next.tag.p)) {
      clause.use(next);
      next = clause.after(next);
    }
    const value = valueOf(next);
    if (!next || value === undefined) return `a value for ${span.tag.f}`;
    if (type !== 'inventory' && span.tag.f !== 'sku') return `${span.tag.f} for an item of type ${type}`;
    data[span.tag.f] = value;
    clause.use(span, next);
  }
  return data;
}

function valueOf(span: Span | undefined): Value | undefined {
  if (!span) return undefined;
  switch (span.tag.t) {
    case 'num':
      return span.tag.pct ? undefined : span.tag.value;
    case 'sup':
    case 'cat':
      return span.tag.name;
    case 'quoted':
      return span.tag.text;
    case 'unknown_ref':
      return span.tag.said;
    default:
      return undefined;
  }
}
