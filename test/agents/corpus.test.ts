import { beforeAll, describe, expect, it } from 'vitest';
import { buyer } from './corpus/buyer.js';
import { contract } from './corpus/contract.js';
import { finance } from './corpus/finance.js';
import { fresh } from './corpus/fresh.js';
import { fresh2 } from './corpus/fresh2.js';
import { more } from './corpus/more.js';
import { checkEntry } from './corpus/run-entry.js';
import { planSafetyProblems } from '../../server/agents/understand/safety.js';
import { understand } from '../../server/agents/understand/understand.js';
import { shopFloor } from './corpus/shop-floor.js';
import { stockManager } from './corpus/stock-manager.js';
import type { CorpusEntry } from './corpus/types.js';
import { demoBoard, TODAY, type DemoBoard } from './understand/demo-lexicon.js';

/**
 * Every corpus request through the parser and the safety checker (issue 13,
 * NLU-1..NLU-9). The test asserts a pass rate of at least 95% and prints the
 * rate per category and per voice; entries marked `knownGap` count as
 * failing. Plans that pass must also be safe and touch exactly the expected
 * items on the seeded board.
 */
const CORPUS: CorpusEntry[] = [
  ...stockManager,
  ...buyer,
  ...shopFloor,
  ...finance,
  ...more,
  ...fresh,
  ...fresh2,
  ...contract,
];
const REQUIRED_RATE = 0.95;
const WRITE_KINDS = new Set([
  'set_field',
  'adjust_field',
  'restock',
  'receive',
  'sell',
  'remove',
  'add_items',
]);
for (const kind of ['create_from_catalogue', 'undo', 'remove_recent', 'bulk']) WRITE_KINDS.add(kind);

let board: DemoBoard;
beforeAll(async () => {
  board = await demoBoard();
});

describe('request corpus', () => {
  it('has at least 250 requests, each once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(250);
    const texts = CORPUS.map((e) => e.text);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it(`passes at least ${REQUIRED_RATE * 100}% (per-category rates printed)`, () => {
    const failures: string[] = [];
    const tally = new Map<string, { pass: number; total: number }>();
    const count = (key: string, ok: boolean) => {
      const t = tally.get(key) ?? { pass: 0, total: 0 };
      t.total += 1;
      if (ok) t.pass += 1;
      tally.set(key, t);
    };
    for (const entry of CORPUS) {
      const failure = checkEntry(entry, board.lex, board.items, TODAY);
      const ok = failure === undefined && entry.knownGap === undefined;
      if (failure)
        failures.push(
          `[${entry.voice}/${entry.category}] ${entry.text}\n    ${failure.replace(/\n/g, '\n    ')}`,
        );
      else if (entry.knownGap)
        failures.push(`[${entry.voice}/${entry.category}] ${entry.text} — passes but is marked knownGap`);
      count(`category ${entry.category}`, ok);
      count(`voice ${entry.voice}`, ok);
      count('all', ok);
    }
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, t]) => `${k.padEnd(24)} ${t.pass}/${t.total} (${((100 * t.pass) / t.total).toFixed(1)}%)`);
    console.log(`corpus pass rates:\n${lines.join('\n')}`);
    if (failures.length > 0) console.log(`failing entries:\n${failures.join('\n')}`);
    const all = tally.get('all')!;
    expect(all.pass / all.total).toBeGreaterThanOrEqual(REQUIRED_RATE);
  });

  it('never produces a write beyond what was asked, passing or not (NLU-2, NLU-8, NLU-9)', () => {
    const unsafe: string[] = [];
    for (const entry of CORPUS) {
      const outcome = understand(entry.text, entry.context ?? {}, board.lex, TODAY);
      if (!outcome.ok) continue;
      const problems = planSafetyProblems(outcome.plan, entry.text);
      const writes = outcome.plan.steps.some((s) => s.writes);
      const expectsWrite =
        'steps' in entry.expect &&
        entry.expect.steps.some((s) => WRITE_KINDS.has((s as { kind: string }).kind));
      if (problems.length > 0) unsafe.push(`${entry.text}: ${problems.join('; ')}`);
      else if (writes && !expectsWrite)
        unsafe.push(`${entry.text}: writes (${outcome.plan.summary}) but should not`);
    }
    expect(unsafe).toEqual([]);
  });
});
