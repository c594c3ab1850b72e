import { describe, expect, it } from 'vitest';
import type { Plan, Selector } from '../../../shared/plan/index.js';
import { assertPlanSafe, planSafetyProblems } from '../../../server/agents/understand/safety.js';
import { selectItems } from '../../../server/agents/understand/scope.js';

/** The safety checker over plans, whoever made them (NLU-8, NLU-9, NLU-13), and selector scope. */
const none = { items: [], categories: [], suppliers: [], conditions: [] };
const sel = (s: Partial<Selector>): Selector => ({
  items: [],
  all: false,
  categories: [],
  suppliers: [],
  conditions: [],
  exclude: none,
  ...s,
});
const plan = (...steps: Plan['steps']): Plan => ({ steps, atomic: true, summary: '' });
const soap = { status: 'resolved' as const, id: 'SOAP-1', said: 'hand soap pump', by: 'name' as const };

describe('assertPlanSafe', () => {
  it('accepts a named write and a question', () => {
    const p = plan(
      { kind: 'restock', writes: true, selector: sel({ items: [soap] }), target: { kind: 'max' } },
      { kind: 'stock_value', writes: false, selector: sel({ all: true }) },
    );
    expect(() => assertPlanSafe(p, 'restock the hand soap pump and tell me the stock value')).not.toThrow();
  });

  it('refuses a write for a request asked as a question (NLU-13)', () => {
    const p = plan({
      kind: 'restock',
      writes: true,
      selector: sel({ items: [soap] }),
      target: { kind: 'max' },
    });
    expect(planSafetyProblems(p, 'should we reorder the hand soap pump?')).toEqual([
      'a question must not write (steps: restock)',
    ]);
    expect(planSafetyProblems(p, 'could you restock the hand soap pump?')).toEqual([]);
  });

  it('refuses a write that widens to every item without "all" (NLU-8)', () => {
    const p = plan({ kind: 'remove', writes: true, selector: sel({ all: true }) });
    expect(planSafetyProblems(p, 'remove the ones by the door')).toEqual([
      'steps[0] remove: writes to every item but the request never said "all"',
    ]);
    expect(planSafetyProblems(p, 'remove all items')).toEqual([]);
  });

  it('refuses a write to an ambiguous or unnamed item (NLU-8)', () => {
    const ambiguous = {
      status: 'ambiguous' as const,
      said: 'hand soap',
      candidates: [
        { id: 'SOAP-1', sku: 'SOAP-1', name: 'Hand Soap Pump' },
        { id: 'SOAP-2', sku: 'SOAP-2', name: 'Hand Soap Refill' },
      ],
    };
    expect(
      planSafetyProblems(
        plan({ kind: 'remove', writes: true, selector: sel({ items: [ambiguous] }) }),
        'remove the hand soap',
      ),
    ).toEqual(['steps[0] remove: "hand soap" matches several items']);
    expect(
      planSafetyProblems(
        plan({ kind: 'remove', writes: true, selector: sel({ items: [soap] }) }),
        'remove the mop',
      ),
    ).toEqual(['steps[0] remove: item SOAP-1 was not named in the request']);
  });

  it('refuses a negated write that excludes nothing (NLU-9)', () => {
    const p = plan({
      kind: 'restock',
      writes: true,
      selector: sel({ conditions: [{ kind: 'low_stock' }] }),
      target: { kind: 'max' },
    });
    expect(planSafetyProblems(p, 'restock low items except the soap')).toEqual([
      'the request has a negation but no write excludes anything',
    ]);
    const narrowed = plan({
      kind: 'restock',
      writes: true,
      selector: sel({ conditions: [{ kind: 'low_stock' }], exclude: { ...none, items: [soap] } }),
      target: { kind: 'max' },
    });
    expect(planSafetyProblems(narrowed, 'restock low items except the hand soap pump')).toEqual([]);
  });

  it('refuses a plan that breaks its schema', () => {
    const bad = {
      steps: [{ kind: 'remove', writes: false, selector: sel({ all: true }) }],
      atomic: true,
      summary: '',
    } as unknown as Plan;
    expect(() => assertPlanSafe(bad)).toThrow(/unsafe plan/);
  });
});

describe('selectItems', () => {
  const items = [
    {
      id: 'A',
      data: {
        category: 'Cleaning',
        supplier: 'X',
        current_stock: 5,
        reorder_point: 10,
        min_stock: 6,
        max_stock: 50,
      },
    },
    {
      id: 'B',
      data: {
        category: 'Cleaning',
        supplier: 'Y',
        current_stock: 0,
        reorder_point: 10,
        min_stock: 6,
        max_stock: 50,
      },
    },
    {
      id: 'C',
      data: {
        category: 'Safety',
        supplier: 'X',
        current_stock: 60,
        reorder_point: 10,
        min_stock: 6,
        max_stock: 50,
      },
    },
  ];
  it('narrows by category, supplier and conditions, and exclusions win', () => {
    expect(selectItems(sel({ conditions: [{ kind: 'low_stock' }] }), items)).toEqual(['A', 'B']);
    expect(selectItems(sel({ categories: ['cleaning'], suppliers: ['Y'] }), items)).toEqual(['B']);
    expect(selectItems(sel({ conditions: [{ kind: 'over_max' }] }), items)).toEqual(['C']);
    expect(
      selectItems(
        sel({ conditions: [{ kind: 'below_min' }], exclude: { ...none, items: [{ ...soap, id: 'B' }] } }),
        items,
      ),
    ).toEqual(['A']);
    expect(selectItems(sel({ all: true, exclude: { ...none, suppliers: ['X'] } }), items)).toEqual(['B']);
  });

  it('never selects anything for a selector that names nothing', () => {
    expect(selectItems(sel({}), items)).toEqual([]);
  });

  it('reads runs-out conditions from the days of cover it is given', () => {
    const cover = new Map([
      ['A', 3],
      ['C', 40],
    ]);
    expect(
      selectItems(sel({ conditions: [{ kind: 'runs_out_within', days: 7 }] }), items, (id) => cover.get(id)),
    ).toEqual(['A']);
  });
});
