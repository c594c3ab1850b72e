import { expect } from 'vitest';
import type { UnderstandOutcome } from '../../../shared/plan/index.js';
import { planSafetyProblems } from '../../../server/agents/understand/safety.js';
import { selectItems, type ScopeItem } from '../../../server/agents/understand/scope.js';
import { understand } from '../../../server/agents/understand/understand.js';
import type { Lexicon } from '../../../server/agents/understand/lexicon.js';
import type { CorpusEntry } from './types.js';

/**
 * One corpus entry through the parser and the safety checker. Returns the
 * failure (as text) or undefined; never throws, so the table test can count.
 */
export function checkEntry(
  entry: CorpusEntry,
  lex: Lexicon,
  items: readonly ScopeItem[],
  today: string,
): string | undefined {
  let outcome: UnderstandOutcome;
  try {
    outcome = understand(entry.text, entry.context ?? {}, lex, today);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  try {
    checkOutcome(entry, outcome, items);
  } catch (error) {
    return error instanceof Error ? error.message.split('\n').slice(0, 40).join('\n') : String(error);
  }
  return undefined;
}

function checkOutcome(entry: CorpusEntry, outcome: UnderstandOutcome, items: readonly ScopeItem[]): void {
  const e = entry.expect;
  if ('steps' in e) {
    if (!outcome.ok) throw new Error(`expected a plan, got ${JSON.stringify(outcome)}`);
    expect(outcome.plan.steps).toMatchObject(e.steps);
    const problems = planSafetyProblems(outcome.plan, entry.text);
    if (problems.length > 0) throw new Error(`unsafe plan: ${problems.join('; ')}`);
    const writes = outcome.plan.steps.filter((s) => s.writes && 'selector' in s);
    (entry.effects ?? []).forEach((effect, i) => {
      const step = writes[i];
      if (!effect.scope || !step || !('selector' in step)) return;
      const expected =
        typeof effect.scope === 'function'
          ? items
              .filter((item) => (effect.scope as (d: ScopeItem['data']) => boolean)(item.data))
              .map((x) => x.id)
          : [...effect.scope];
      expect(selectItems(step.selector, items).sort()).toEqual(expected.sort());
    });
    return;
  }
  if ('clarify' in e) {
    if (outcome.ok || outcome.reason !== 'clarify')
      throw new Error(`expected a clarification, got ${JSON.stringify(outcome)}`);
    expect(outcome.options.map((o) => o.id).sort()).toEqual([...e.clarify].sort());
    return;
  }
  if (outcome.ok) throw new Error(`expected a refusal, got the plan ${outcome.plan.summary}`);
  if (outcome.reason !== 'not_understood')
    throw new Error(`expected not_understood, got ${JSON.stringify(outcome)}`);
  for (const word of e.refuse) expect(outcome.unclear).toContain(word);
  expect(outcome.unclear.length).toBeGreaterThan(0);
  expect(outcome.suggestions.length).toBeLessThanOrEqual(3);
}
