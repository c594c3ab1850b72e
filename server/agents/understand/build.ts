import type { Selector, Step } from '../../../shared/plan/index.js';
import type { Clause } from './clause.js';
import type { Lexicon } from './lexicon.js';
import { buildSelector, type BuiltSelector } from './selector-build.js';
import type { Span, TagOf } from './tags.js';

/** What a grammar rule made of one clause. */
export interface Built {
  readonly steps: Step[];
  readonly ambiguous: { said: string; ids: string[] }[];
  /** Set when the clause lacks a part it needs ("restock" with no items named). */
  readonly missing?: string;
}

export interface GrammarInput {
  readonly clause: Clause;
  readonly lex: Lexicon;
  readonly today: string;
  readonly context: Readonly<Record<string, unknown>>;
}

export const none = (missing: string): Built => ({ steps: [], ambiguous: [], missing });
export const one = (step: Step, sel?: BuiltSelector): Built => ({
  steps: [step],
  ambiguous: sel?.ambiguous ?? [],
});

type Num = Span & { tag: TagOf<'num'> };

/** The number right after a preposition ("to 40", "by 10%"), skipping fillers. */
export function numberAfter(clause: Clause, p: TagOf<'prep'>['p']): { prep: Span; num: Num } | undefined {
  for (const prep of clause.all('prep')) {
    if (prep.tag.p !== p || clause.used.has(prep)) continue;
    const next = clause.after(prep);
    if (next?.tag.t === 'num' && !clause.used.has(next)) return { prep, num: next as Num };
  }
  return undefined;
}

export function freeNumbers(clause: Clause): Num[] {
  return clause.all('num').filter((n) => !clause.used.has(n) && !isFillerOne(clause, n));
}

/** "the blue one": "one" as a pronoun, not a count. */
export function isFillerOne(clause: Clause, n: Num): boolean {
  return clause.words(n).join(' ') === 'one' && n.tag.value === 1 && clause.before(n)?.tag.t !== 'verb';
}

/**
 * A write's selector: something must be named. When nothing is, the item
 * the context names (`item_id`, `sku`, `item_name`) is used, and nothing
 * else: a write never falls back to "every item" (NLU-8).
 */
export function writeSelector(input: GrammarInput, skip?: ReadonlySet<Span>): BuiltSelector | undefined {
  // "remove the mop or the broom" names one of two: a write never guesses which.
  if (eitherItem(input.clause)) return undefined;
  const built = buildSelector(input.clause, input.lex, skip);
  if (built.named) return built;
  const id = contextItem(input);
  if (!id) return undefined;
  const selector: Selector = {
    ...built.selector,
    items: [{ status: 'resolved', id, said: id, by: 'context' }],
  };
  return { selector, named: true, ambiguous: [] };
}

function contextItem(input: GrammarInput): string | undefined {
  const { context, lex } = input;
  for (const key of ['item_id', 'sku', 'item_name']) {
    const value = context[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = String(value).trim().toLowerCase();
    const item = lex.items.find(
      (i) => i.id.toLowerCase() === text || i.sku?.toLowerCase() === text || i.name.toLowerCase() === text,
    );
    if (item) return item.id;
  }
  return undefined;
}

/** Whether the clause is a question: a question word first, a "?" at its end, or show/list/analyze. */
export function isQuestion(clause: Clause): boolean {
  const lead = clause.lead();
  if (clause.endsWithQuestionMark && !isPoliteAsk(clause)) return true;
  if (!lead) return false;
  if (lead.tag.t === 'q') return true;
  return lead.tag.t === 'verb' && ['show', 'analyze', 'rank', 'compare'].includes(lead.tag.v);
}

/** "could you restock …?", "can you please remove …?": a request, even with a "?". */
function isPoliteAsk(clause: Clause): boolean {
  const words = clause.tokens.slice(clause.start, clause.end).map((t) => t.norm);
  const i = words.findIndex((w) => w !== 'please' && w !== 'pls');
  if (
    !['can', 'could', 'would', 'will'].includes(words[i] ?? '') ||
    !['you', 'u'].includes(words[i + 1] ?? '')
  )
    return false;
  const next = clause.spans.find((s) => s.start >= clause.start + i + 2 && s.tag.t !== 'filler');
  return next?.tag.t === 'verb' && !['show', 'analyze', 'rank', 'compare'].includes(next.tag.v);
}

function eitherItem(clause: Clause): boolean {
  return clause
    .all('conj')
    .some(
      (c) =>
        clause.words(c).join(' ') === 'or' &&
        clause.before(c)?.tag.t === 'item' &&
        clause.after(c)?.tag.t === 'item',
    );
}
