import { describe, expect, it } from 'vitest';
import {
  buildTools,
  INTENT_KINDS,
  IntentSchema,
  primaryIntentOf,
  resolveDraft,
} from '../../../../server/agents/intents/index.js';

describe('intent schema', () => {
  it('maps every kind to a contract primary_intent (PROG-5)', () => {
    const allowed = ['inventory_management', 'supplier_management', 'forecasting', 'general'];
    for (const kind of INTENT_KINDS) expect(allowed).toContain(primaryIntentOf(kind));
    expect(primaryIntentOf({ kind: 'forecast_demand', horizon_days: 28 })).toBe('forecasting');
    expect(primaryIntentOf('supplier_performance')).toBe('supplier_management');
    expect(primaryIntentOf('general')).toBe('general');
  });

  it('fills defaults and bounds slots', () => {
    expect(IntentSchema.parse({ kind: 'add_items', count: 3 })).toEqual({
      kind: 'add_items',
      count: 3,
      item_type: 'inventory',
    });
    expect(IntentSchema.parse({ kind: 'forecast_demand' })).toEqual({
      kind: 'forecast_demand',
      horizon_days: 28,
    });
    expect(IntentSchema.safeParse({ kind: 'add_items', count: 501 }).success).toBe(false);
    expect(IntentSchema.safeParse({ kind: 'add_items', count: 0 }).success).toBe(false);
    expect(IntentSchema.safeParse({ kind: 'remove_item', ref: '  ' }).success).toBe(false);
  });

  it('types bulk items by operation', () => {
    const add = IntentSchema.parse({ kind: 'bulk', operation: 'add_multiple', items: [{ name: 'A' }] });
    expect(add).toEqual({
      kind: 'bulk',
      operation: 'add_multiple',
      items: [{ name: 'A', type: 'inventory' }],
    });
    expect(
      IntentSchema.safeParse({ kind: 'bulk', operation: 'remove_multiple', items: [{ name: 'A' }] }).success,
    ).toBe(false);
  });

  it('resolves drafts with context winning over slots', () => {
    const resolution = resolveDraft(
      { kind: 'add_items', slots: { count: 2 } },
      { item_name: 'Widget X', item_type: 'gadget' },
    );
    expect(resolution).toEqual({
      ok: true,
      intent: { kind: 'create_item', name: 'Widget X', item_type: 'gadget' },
      problems: [],
    });
  });
});

describe('LLM tools', () => {
  it('has one tool per kind, each with an object JSON schema from zod', () => {
    const tools = buildTools();
    expect(tools.map((t) => t.function.name).sort()).toEqual([...INTENT_KINDS].sort());
    for (const tool of tools) {
      expect(tool.type).toBe('function');
      expect(tool.function.parameters).toMatchObject({ type: 'object' });
      expect(tool.function.parameters).not.toHaveProperty('$schema');
      expect(tool.function.description.length).toBeGreaterThan(10);
    }
    const addItems = tools.find((t) => t.function.name === 'add_items')!.function.parameters;
    expect(addItems).toMatchObject({
      properties: { count: { type: 'integer', minimum: 1, maximum: 500 } },
      required: ['count'],
    });
  });
});
