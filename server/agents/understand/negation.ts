import type { Step } from '../../../shared/plan/index.js';
import type { Clause } from './clause.js';
import type { Lexicon } from './lexicon.js';
import { buildSelector } from './selector-build.js';

/**
 * A clause that says what not to do ("…, but don't restock the hand soap")
 * narrows the other clauses: what it names becomes an exclusion of every
 * write step of the same action (or of every write, when it names no
 * action). Alone, it asks for nothing: that is a refusal, not a no-op that
 * looks like success.
 */
const VERB_STEPS: Record<string, readonly Step['kind'][]> = {
  remove: ['remove'],
  restock: ['restock', 'receive'],
  set: ['set_field', 'adjust_field'],
  increase: ['adjust_field', 'set_field'],
  decrease: ['adjust_field', 'set_field'],
  receive: ['receive'],
  sell: ['sell'],
};

export function mergeNegatives(
  negatives: readonly Clause[],
  steps: Step[],
  lex: Lexicon,
): string | undefined {
  for (const clause of negatives) {
    const verb = clause.first('verb');
    clause.use(verb, ...clause.all('neg').slice(0, 1));
    for (const neg of clause.all('neg')) clause.use(neg);
    const built = buildSelector(clause, lex);
    const kinds = verb ? VERB_STEPS[verb.tag.v] : undefined;
    const targets = steps.filter((s) => s.writes && 'selector' in s && (!kinds || kinds.includes(s.kind)));
    if (targets.length === 0) return 'something to do (the request only says what not to do)';
    if (!built.named) return 'what not to touch';
    const s = built.selector;
    for (const step of targets) {
      if (!('selector' in step)) continue;
      const ex = step.selector.exclude;
      ex.items.push(...s.items);
      ex.categories.push(...s.categories);
      ex.suppliers.push(...s.suppliers);
      ex.conditions.push(...s.conditions);
    }
  }
  return undefined;
}
