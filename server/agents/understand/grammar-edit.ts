import { NUMERIC_FIELDS } from '../../../shared/fields.js';
import type { Change, Selector, Step } from '../../../shared/plan/index.js';
import {
  freeNumbers,
  none,
  numberAfter,
  one,
  writeSelector,
  type Built,
  type GrammarInput,
} from './build.js';
import { allSelector } from './selector-build.js';
import type { Span, VerbSpan } from './tags.js';

/**
 * Field edits: `set`, `increase` / `decrease` (by units or a percentage),
 * `double` / `halve`, `multiply by`. The field is the one named; without
 * one, a number means current_stock. "to" gives a new value, "by" a change.
 */

export function buildEdit(input: GrammarInput, verb: VerbSpan): Built {
  const { clause } = input;
  clause.use(verb);
  const { field, span: fieldSpan } = editField(input);
  clause.use(fieldSpan);
  const skip = new Set<Span>();
  const word = clause.words(verb).join(' ');
  const factorCue = ['double', 'triple', 'halve', 'cut in half'].includes(word) ? verb : undefined;
  let step: (selector: Selector) => Step;

  const to = numberAfter(clause, 'to') ?? daysAfterTo(input, field);
  const by = numberAfter(clause, 'by');
  const sign = verb.tag.v === 'decrease' ? -1 : 1;
  if (factorCue) {
    clause.use(factorCue);
    const factor = word === 'double' ? 2 : word === 'triple' ? 3 : 0.5;
    step = (selector) => ({
      kind: 'adjust_field',
      writes: true,
      selector,
      field,
      change: { kind: 'multiply', factor },
    });
  } else if (verb.tag.v === 'multiply') {
    if (!by) return none(`the factor to multiply ${field} by`);
    clause.use(by.prep, by.num);
    const factor = by.num.tag.value;
    step = (selector) => ({
      kind: 'adjust_field',
      writes: true,
      selector,
      field,
      change: { kind: 'multiply', factor },
    });
  } else if (to && !by) {
    clause.use(to.prep, to.num);
    if (to.num.tag.pct) return none(`a value for ${field} (not a percentage)`);
    const value = to.num.tag.value;
    step = (selector) => ({ kind: 'set_field', writes: true, selector, field, value });
  } else if (verb.tag.v === 'set' && !by) {
    const value = valueAfterTo(input, skip) ?? freeTextAfterTo(input, field);
    if (value === undefined) {
      const n = freeNumbers(clause).find((x) => !x.tag.pct);
      if (!n) return none(`the new value of ${field}`);
      clause.use(n);
      step = (selector) => ({ kind: 'set_field', writes: true, selector, field, value: n.tag.value });
    } else {
      if (NUMERIC_FIELDS.has(field) && typeof value !== 'number') return none(`a number for ${field}`);
      step = (selector) => ({ kind: 'set_field', writes: true, selector, field, value });
    }
  } else {
    if (verb.tag.v === 'set') return none(`how to change ${field}`);
    const amount = by?.num ?? freeNumbers(clause)[0];
    if (!amount) return none(`how much to change ${field} by`);
    clause.use(by?.prep, amount);
    const change: Change = amount.tag.pct
      ? { kind: 'percent', percent: sign * amount.tag.value }
      : { kind: 'delta', amount: sign * amount.tag.value };
    step = (selector) => ({ kind: 'adjust_field', writes: true, selector, field, change });
  }
  if (!NUMERIC_FIELDS.has(field) && step(allSelector()).kind === 'adjust_field') {
    return none(`a numeric field to change (${field} is not a number)`);
  }
  const more = moreSets(input, field);
  const sel = writeSelector(input, skip);
  if (!sel) return none(`which items to change`);
  const built = one(step(sel.selector), sel);
  // "set the min of X to 150 and its max to 900": further fields of the same items.
  for (const [f, value] of more)
    built.steps.push({ kind: 'set_field', writes: true, selector: sel.selector, field: f, value });
  return built;
}

/** Further "<field> to <number>" pairs after the first edit's own field, for a plain set. */
function moreSets(input: GrammarInput, first: string): [string, number][] {
  const { clause } = input;
  const out: [string, number][] = [];
  for (const f of clause.all('field')) {
    if (clause.used.has(f) || f.tag.f === first) continue;
    const prep = clause.after(f);
    const num = prep ? clause.after(prep) : undefined;
    if (
      prep?.tag.t !== 'prep' ||
      prep.tag.p !== 'to' ||
      num?.tag.t !== 'num' ||
      num.tag.pct ||
      clause.used.has(num)
    )
      continue;
    clause.use(f, prep, num);
    out.push([f.tag.f, num.tag.value]);
  }
  return out;
}

/**
 * The field an edit names. "supplier" and "lead time" are also words of
 * supplier questions; in an edit they are the fields. No field: current_stock.
 */
function editField(input: GrammarInput): { field: string; span?: Span } {
  const { clause } = input;
  const field = clause.first('field');
  if (field) return { field: field.tag.f, span: field };
  const supplier = clause.cue('supplier');
  if (supplier) return { field: 'supplier', span: supplier };
  const lead = clause.first('metric', (m) => m.m === 'mean_lead_time_days');
  if (lead) return { field: 'lead_time_days', span: lead };
  return { field: 'current_stock' };
}

/** "set the lead time to 14 days": the period tagger read "14 days"; for a days field it is the value. */
function daysAfterTo(input: GrammarInput, field: string): ReturnType<typeof numberAfter> {
  const { clause } = input;
  if (field !== 'lead_time_days') return undefined;
  for (const prep of clause.all('prep')) {
    const next = prep.tag.p === 'to' ? clause.after(prep) : undefined;
    if (next?.tag.t === 'period' && next.tag.kind === 'duration' && next.tag.days !== undefined) {
      const num = { ...next, tag: { t: 'num' as const, value: next.tag.days, pct: false } };
      clause.use(next);
      return { prep, num };
    }
  }
  return undefined;
}

/** A text value after "to": a supplier, a category, a quoted string. Marks what it used. */
function valueAfterTo(input: GrammarInput, skip: Set<Span>): string | number | undefined {
  const { clause } = input;
  for (const prep of clause.all('prep')) {
    if (prep.tag.p !== 'to' || clause.used.has(prep)) continue;
    const next = clause.after(prep);
    if (!next) continue;
    const value =
      next.tag.t === 'sup' || next.tag.t === 'cat'
        ? next.tag.name
        : next.tag.t === 'quoted'
          ? next.tag.text
          : next.tag.t === 'unknown_ref'
            ? next.tag.said
            : undefined;
    if (value === undefined) continue;
    clause.use(prep, next);
    skip.add(next);
    return value;
  }
  return undefined;
}

/**
 * A text field's new value as typed, when it is no known name ("set the bin
 * of X to B7"): the untagged words after "to", up to the end of the clause.
 */
function freeTextAfterTo(input: GrammarInput, field: string): string | undefined {
  const { clause, lex } = input;
  if (NUMERIC_FIELDS.has(field)) return undefined;
  const prep = clause.all('prep').find((p) => p.tag.p === 'to' && !clause.used.has(p));
  if (!prep) return undefined;
  const rest = clause.tokens.slice(prep.end, clause.end).filter((t) => t.kind !== 'punct');
  while (rest.length > 0 && lex.fillers.has(rest.at(-1)!.norm)) rest.pop();
  if (rest.length === 0) return undefined;
  const end = rest.at(-1)!.end;
  const tagged = clause.spans.some(
    (s) => s.start >= prep.end && s.tag.t !== 'filler' && clause.tokens[s.start]!.start < end,
  );
  if (tagged) return undefined;
  clause.useRange(prep.start, clause.tokens.indexOf(rest.at(-1)!) + 1);
  return rest.map((t) => t.raw).join(' ');
}
