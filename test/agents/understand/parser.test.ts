import { describe, expect, it } from 'vitest';
import type { UnderstandOutcome } from '../../../shared/plan/index.js';
import { correctWord, editDistance, matchItemsByWords } from '../../../server/agents/understand/fuzzy.js';
import { understand } from '../../../server/agents/understand/index.js';
import { smallLexicon, TODAY } from './small-lexicon.js';

/** The parser's pieces on a tiny room: fuzzy lookup, grammar, negation, refusals (NLU-1, NLU-4, NLU-5). */
const lex = smallLexicon();
const parse = (text: string, context: Record<string, unknown> = {}): UnderstandOutcome =>
  understand(text, context, lex, TODAY);
const planOf = (text: string) => {
  const out = parse(text);
  if (!out.ok) throw new Error(`not understood: ${JSON.stringify(out)}`);
  return out.plan;
};

describe('fuzzy lookup', () => {
  it('measures edits with transpositions', () => {
    expect(editDistance('restok', 'restock')).toBe(1);
    expect(editDistance('remvoe', 'remove')).toBe(1);
    expect(editDistance('soap', 'soap')).toBe(0);
  });

  it('corrects small typos to room words, never short words or a different first letter', () => {
    expect(correctWord(lex, 'restok')).toBe('restock');
    expect(correctWord(lex, 'glovs')).toBe('gloves');
    expect(correctWord(lex, 'sop')).toBeUndefined();
    expect(correctWord(lex, 'accounts')).toBeUndefined();
  });

  it('matches item names word by word, plural or not, in any order', () => {
    expect(matchItemsByWords(lex, ['soap', 'pump']).map((m) => m.item.id)).toEqual(['SOAP-1']);
    expect(matchItemsByWords(lex, ['pumps', 'soap']).map((m) => m.item.id)).toEqual(['SOAP-1']);
    expect(
      matchItemsByWords(lex, ['hand', 'soap'])
        .map((m) => m.item.id)
        .sort(),
    ).toEqual(['SOAP-1', 'SOAP-2']);
    expect(matchItemsByWords(lex, ['soap', 'bucket'])).toEqual([]);
  });
});

describe('grammar', () => {
  it('reads the field, the value and the item of a set', () => {
    expect(planOf('set the reorder point of the hand soap pump to 40').steps).toMatchObject([
      {
        kind: 'set_field',
        writes: true,
        field: 'reorder_point',
        value: 40,
        selector: { items: [{ id: 'SOAP-1' }] },
      },
    ]);
  });

  it('reads "by" as a change and a percentage as a percentage, not units', () => {
    expect(planOf('increase max stock of cleaning items by 10%').steps).toMatchObject([
      {
        kind: 'adjust_field',
        field: 'max_stock',
        change: { kind: 'percent', percent: 10 },
        selector: { categories: ['Cleaning'] },
      },
    ]);
    expect(planOf('lower the min stock of the mop head by five').steps).toMatchObject([
      { kind: 'adjust_field', field: 'min_stock', change: { kind: 'delta', amount: -5 } },
    ]);
  });

  it('keeps a filter: restock scoped by supplier and condition', () => {
    expect(planOf('restock low stock items from shieldworks').steps).toMatchObject([
      {
        kind: 'restock',
        selector: { suppliers: ['Shieldworks PPE'], conditions: [{ kind: 'low_stock' }], all: false },
        target: { kind: 'max' },
      },
    ]);
  });

  it('reads a question as a question, never a write (NLU-2)', () => {
    const plan = planOf('should we reorder the mop head?');
    expect(plan.steps).toMatchObject([{ kind: 'reorder_advice', writes: false }]);
    expect(plan.steps.every((s) => !s.writes)).toBe(true);
  });

  it('splits a compound request into steps of one plan', () => {
    expect(planOf('remove the mop head and restock the gloves').steps).toMatchObject([
      { kind: 'remove', selector: { items: [{ id: 'MOP-1' }] } },
      { kind: 'restock', selector: { items: [{ id: 'GLV-1' }] } },
    ]);
  });

  it('dates a forecast from the day after the sales data ends, through the period asked', () => {
    expect(planOf('forecast the gloves through end of January').steps).toMatchObject([
      { kind: 'forecast', horizon: { start: '2026-11-01', end: '2027-01-31', days: 92 } },
    ]);
  });

  it('uses the context item when the text names none', () => {
    expect(parse('remove item', { item_id: 'MOP-1' })).toMatchObject({
      ok: true,
      plan: { steps: [{ kind: 'remove', selector: { items: [{ id: 'MOP-1', by: 'context' }] } }] },
    });
  });
});

describe('negation', () => {
  it('turns "except" into an exclusion', () => {
    expect(planOf('restock all cleaning items except the mop head').steps).toMatchObject([
      { kind: 'restock', selector: { categories: ['Cleaning'], exclude: { items: [{ id: 'MOP-1' }] } } },
    ]);
  });

  it('turns a "don\'t" clause into an exclusion of the other clause', () => {
    expect(planOf("restock the low items but don't restock anything from pureshine").steps).toMatchObject([
      {
        kind: 'restock',
        selector: { conditions: [{ kind: 'low_stock' }], exclude: { suppliers: ['PureShine Janitorial'] } },
      },
    ]);
  });

  it('excludes every item an ambiguous name matches, without asking', () => {
    expect(planOf('restock cleaning items but not the hand soap').steps).toMatchObject([
      { kind: 'restock', selector: { exclude: { items: [{ id: 'SOAP-1' }, { id: 'SOAP-2' }] } } },
    ]);
  });

  it('refuses a request that only says what not to do', () => {
    expect(parse("don't remove the mop head")).toMatchObject({ ok: false, reason: 'not_understood' });
  });
});

describe('clarification and refusals', () => {
  it('asks which item when a name matches several (NLU-5)', () => {
    expect(parse('restock the hand soap')).toMatchObject({
      ok: false,
      reason: 'clarify',
      options: [
        { id: 'SOAP-1', sku: 'SOAP-1', name: 'Hand Soap Pump' },
        { id: 'SOAP-2', sku: 'SOAP-2', name: 'Hand Soap Refill 5 L' },
      ],
    });
  });

  it('names the words it could not use, and says what it understood (NLU-4)', () => {
    const out = parse('restock the mop head near the loading dock');
    expect(out).toMatchObject({ ok: false, reason: 'not_understood', unclear: ['near', 'loading', 'dock'] });
    if (!out.ok && out.reason === 'not_understood') expect(out.understood).toContain('Mop Head Large');
  });

  it('never guesses between two items joined by "or" in a write', () => {
    expect(parse('remove the mop head or the gloves')).toMatchObject({ ok: false, reason: 'not_understood' });
    expect(planOf('restock low items in cleaning or safety').steps).toMatchObject([
      { kind: 'restock', selector: { categories: ['Cleaning', 'Safety'] } },
    ]);
  });

  it('never widens a write whose filter it lost: nothing named is a refusal', () => {
    expect(parse('restock')).toMatchObject({ ok: false, reason: 'not_understood' });
    expect(parse('remove the ones in the back')).toMatchObject({ ok: false, reason: 'not_understood' });
  });

  it('offers up to three suggestions the parser itself accepts, closest first', () => {
    const out = parse('restock the mop head pronto');
    if (out.ok || out.reason !== 'not_understood') throw new Error('expected a refusal');
    expect(out.suggestions.length).toBeGreaterThan(0);
    expect(out.suggestions.length).toBeLessThanOrEqual(3);
    expect(out.suggestions[0]).toBe('restock MOP-1');
    for (const s of out.suggestions) expect(parse(s).ok).toBe(true);
  });

  it('refuses a bulk request with a bad entry, naming the entry', () => {
    expect(
      parse('Perform add_multiple on 2 items', { operation: 'add_multiple', items: [{ name: 'A' }, {}] }),
    ).toMatchObject({
      ok: false,
      unclear: ['context.items[1].name: is required'],
    });
    expect(
      parse('Perform update_multiple on 1 items', {
        operation: 'update_multiple',
        items: [{ id: 'MOP-1', data: { current_stock: -3 } }],
      }),
    ).toMatchObject({
      ok: false,
      unclear: ['context.items[0].data: current_stock must be a whole number ≥ 0'],
    });
  });
});
