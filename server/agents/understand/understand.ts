import { PlanSchema, type Step, type UnderstandOutcome } from '../../../shared/plan/index.js';
import { bulkOutcome } from './bulk.js';
import type { Built } from './build.js';
import { splitClauses, type Clause } from './clause.js';
import { describePlan } from './describe.js';
import type { Lexicon } from './lexicon.js';
import { mergeNegatives } from './negation.js';
import { routeClause } from './route.js';
import { suggest } from './suggestions.js';
import { tagText } from './tagger.js';
import { MAX_INPUT_CHARS } from './tokens.js';

/**
 * The parser (issue 13, NLU-4): text → a typed plan, a clarification, or a
 * refusal that names the words it could not use. Every token is used by the
 * plan or is a filler word; otherwise nothing runs. Pure: the lexicon and
 * "today" (`YYYY-MM-DD`) are passed in.
 */
export type Context = Readonly<Record<string, unknown>>;

const QUIET_PUNCT = new Set([',', ';', ':', '?', '!', '.', '&', '=']);

export function understand(text: string, context: Context, lex: Lexicon, today: string): UnderstandOutcome {
  return parse(text, context, lex, today, true);
}

function parse(
  text: string,
  context: Context,
  lex: Lexicon,
  today: string,
  suggesting: boolean,
): UnderstandOutcome {
  const bulk = bulkOutcome(context);
  if (bulk) return bulk;
  if (text.length > MAX_INPUT_CHARS)
    return refuse(`a request of at most ${MAX_INPUT_CHARS} characters`, [], text, lex, today, false);
  const tagged = tagText(text, lex, today);
  const clauses = splitClauses(tagged.spans, tagged.tokens);
  if (clauses.length === 0) {
    const words = tagged.tokens.map((t) => t.raw);
    return refuse('', words.length > 0 ? words : ['(empty request)'], text, lex, today, words.length > 0);
  }
  const built: { clause: Clause; result: Built }[] = [];
  const negatives: Clause[] = [];
  for (const clause of clauses) {
    if (isNegative(clause)) negatives.push(clause);
    else built.push({ clause, result: routeClause({ clause, lex, today, context }) });
  }
  const steps: Step[] = built.flatMap((b) => b.result.steps);
  const missing = built.map((b) => b.result.missing).filter((m): m is string => m !== undefined);
  const negProblem = mergeNegatives(negatives, steps, lex);
  if (negProblem) missing.push(negProblem);

  const unclear = unusedWords(clauses, lex);
  const names = new Map(lex.items.map((i) => [i.id, i.name]));
  const understood = steps.length > 0 ? describePlan(steps, names) : '';
  if (unclear.length > 0 || missing.length > 0 || steps.length === 0) {
    const words = unclear.length > 0 ? unclear : missing.length > 0 ? [] : [text.trim()];
    return refuse(understood, words, text, lex, today, suggesting, missing);
  }
  const ambiguous = built.flatMap((b) => b.result.ambiguous)[0];
  if (ambiguous) {
    const options = ambiguous.ids.slice(0, 20).map((id) => {
      const item = lex.items.find((i) => i.id === id);
      return { id, sku: item?.sku ?? '', name: item?.name ?? id };
    });
    return {
      ok: false,
      reason: 'clarify',
      said: ambiguous.said,
      question: `Which item do you mean by "${ambiguous.said}"? ${options.length} items match.`,
      options,
    };
  }
  const parsed = PlanSchema.safeParse({ steps, atomic: true, summary: understood });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return refuse(understood, problems.slice(0, 5), text, lex, today, suggesting);
  }
  return { ok: true, plan: parsed.data };
}

/** "don't restock X", "but do not touch Y": a "don't" before any action. */
function isNegative(clause: Clause): boolean {
  for (const span of clause.spans) {
    if (span.tag.t === 'neg' && span.tag.n === 'dont') return true;
    if (span.tag.t === 'verb' || span.tag.t === 'q') return false;
  }
  return false;
}

/** Tokens no step used and no filler explains, as typed. */
export function unusedWords(clauses: readonly Clause[], lex: Lexicon): string[] {
  const out: string[] = [];
  for (const clause of clauses) {
    const covered = new Set<number>();
    for (const [a, b] of clause.usedRanges) for (let k = a; k < b; k += 1) covered.add(k);
    for (const span of clause.spans) {
      if (clause.used.has(span) || span.tag.t === 'filler' || span.tag.t === 'conj') {
        for (let k = span.start; k < span.end; k += 1) covered.add(k);
      }
    }
    for (let k = clause.start; k < clause.end; k += 1) {
      const t = clause.tokens[k]!;
      if (covered.has(k) || QUIET_PUNCT.has(t.norm)) continue;
      const inSpan = clause.spans.find((s) => k >= s.start && k < s.end);
      // A keyword that went unused is fine only when it is a filler word.
      if (lex.fillers.has(t.norm) && (!inSpan || inSpan.tag.t !== 'neg')) continue;
      out.push(t.raw);
    }
  }
  return out;
}

function refuse(
  understood: string,
  unclear: string[],
  text: string,
  lex: Lexicon,
  today: string,
  withSuggestions: boolean,
  missing: string[] = [],
): UnderstandOutcome {
  // Suggestions are checked by the parser itself, without suggestions of their own.
  const accepts = (request: string) => parse(request, {}, lex, today, false).ok;
  const words = unclear.length > 0 ? unclear : missing.map((m) => `(missing: ${m})`);
  return {
    ok: false,
    reason: 'not_understood',
    understood: understood === '' ? 'nothing I can act on' : understood,
    unclear: words.length > 0 ? words.slice(0, 50) : ['(nothing recognised)'],
    suggestions: withSuggestions ? suggest(text, lex, today, accepts) : [],
  };
}
