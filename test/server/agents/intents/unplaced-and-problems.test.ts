import { describe, expect, it } from 'vitest';
import { CAPABILITIES, createRuleParser } from '../../../../server/agents/intents/index.js';

const parser = createRuleParser();

describe('requests the rules cannot place', () => {
  it.each(['Please make me a sandwich', 'hello', 'What is the weather in Oslo?', 'asdf qwerty'])(
    '%s -> general, listing what works',
    async (input) => {
      const result = await parser.parse(input);
      expect(result.intent.kind).toBe('general');
      expect(result.primary_intent).toBe('general');
      expect(result.intent).toHaveProperty('reason');
      expect(result.explanation).toContain(`I could not tell what to do with "${input}"`);
      for (const capability of CAPABILITIES) expect(result.explanation).toContain(capability.example);
      expect(result.problems).toEqual([]);
    },
  );

  it('answers a blank request and a request for help', async () => {
    expect((await parser.parse('   ')).explanation).toMatch(/^The request is empty\. I can: /);
    const help = await parser.parse('What can you do?');
    expect(help.intent).toEqual({ kind: 'general', reason: 'asked what the agents can do' });
    expect(help.explanation).toMatch(/^I can: .*Forecast demand for the next 4 weeks/);
  });

  it('asks for what is missing when the action is clear', async () => {
    const cases: [string, RegExp][] = [
      ['Remove item', /Which item\?/],
      ['Add some new items', /How many\?/],
      ['Add 1000 new items', /at most 500/],
      ['Set stock of FAS-1042', /which item, field and value/],
    ];
    for (const [input, hint] of cases) {
      const result = await parser.parse(input);
      expect(result.intent.kind, input).toBe('general');
      expect(result.explanation, input).toMatch(hint);
      expect(result.intent.kind === 'general' && result.intent.reason, input).toMatch(/^incomplete /);
    }
  });

  it('keeps CAPABILITIES usable as UI suggestions: each example parses to its own kind', async () => {
    for (const { kind, example } of CAPABILITIES) {
      const context =
        kind === 'bulk'
          ? { operation: 'remove_multiple', items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }
          : undefined;
      expect((await parser.parse(example, context)).intent.kind, example).toBe(kind);
    }
  });
});

describe('understood requests that cannot run as given', () => {
  it.each([
    [
      'no items at all',
      'Perform add_multiple on 2 items',
      { operation: 'add_multiple' },
      /needs context\.items/,
    ],
    [
      'items not a list',
      'Perform add_multiple on 2 items',
      { operation: 'add_multiple', items: 'x' },
      /got string/,
    ],
    [
      'an empty list',
      'Perform remove_multiple on 0 items',
      { operation: 'remove_multiple', items: [] },
      /empty/,
    ],
    [
      'an entry without a name',
      'Perform add_multiple on 2 items',
      { operation: 'add_multiple', items: [{ type: 'inventory', name: 'A' }, { type: 'inventory' }] },
      /items\[1\]\.name/,
    ],
    [
      'an entry without an id',
      'Perform remove_multiple on 2 items',
      { operation: 'remove_multiple', items: [{ id: 'a' }, { name: 'b' }] },
      /items\[1\]\.id/,
    ],
    [
      'an update with nothing to update',
      'Perform update_multiple on 1 items',
      { operation: 'update_multiple', items: [{ id: 'a' }] },
      /items\[0\]: nothing to update/,
    ],
    [
      'a value the document refuses',
      'Perform update_multiple on 1 items',
      { operation: 'update_multiple', items: [{ id: 'a', data: { current_stock: -4 } }] },
      /items\[0\]\.data: current_stock must be a whole number/,
    ],
    [
      'a count that disagrees with the list',
      'Perform remove_multiple on 3 items',
      { operation: 'remove_multiple', items: [{ id: 'a' }] },
      /says 3 items but context\.items holds 1/,
    ],
  ])('bulk with %s: a clear problem, and nothing to run', async (_label, input, context, problem) => {
    const result = await parser.parse(input, context);
    expect(result.intent).toMatchObject({ kind: 'bulk', items: [] });
    expect(result.primary_intent).toBe('inventory_management');
    expect(result.problems.join('\n')).toMatch(problem);
    expect(result.explanation).toMatch(/^Cannot perform \w+_multiple: /);
  });

  it('reports a value the field refuses', async () => {
    for (const input of ['Set current_stock of FAS-1042 to lots', 'Set current_stock of FAS-1042 to -3']) {
      const result = await parser.parse(input);
      expect(result.intent.kind).toBe('set_field');
      expect(result.problems).toEqual(['current_stock must be a whole number ≥ 0']);
    }
    const stamp = await parser.parse('Set FAS-1042 updated_by to x', { field: 'updated_by', value: 'x' });
    expect(stamp.problems).toEqual(['updated_by is set automatically']);
  });

  it('keeps quoted names from triggering rules', async () => {
    const result = await parser.parse('Remove "Low Stock Bin"');
    expect(result.intent).toEqual({ kind: 'remove_item', ref: 'Low Stock Bin' });
  });
});
