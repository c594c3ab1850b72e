import { describe, expect, it } from 'vitest';
import { canonicalField, normalize } from '../../../../server/agents/intents/index.js';

describe('normalize', () => {
  it.each([
    ['Add five items', 'add 5 items'],
    ['add twenty-five items', 'add 25 items'],
    ['add a dozen items', 'add 12 items'],
    ['add two dozen items', 'add 24 items'],
    ['add half a dozen items', 'add 6 items'],
    ['add a couple of items', 'add 2 items'],
    ['a pair of gloves', '2 gloves'],
    ['one hundred and twenty units', '120 units'],
    ['two thousand five hundred', '2500'],
    ['Restock low-stock items!', 'restock low stock items'],
    ['Set price to $12.50.', 'set price to 12.50'],
    ['stock:40', 'stock : 40'],
    ['next 4-week horizon', 'next 4 week horizon'],
    ['re-order point', 'reorder point'],
  ])('%s -> %s', (input, text) => {
    expect(normalize(input).text).toBe(text);
  });

  it('lifts quoted strings and ids out, keeping their case', () => {
    const n = normalize(
      'Set stock of "Blue Bolt M8" and FAS-1042 and item-7 and 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
    );
    expect(n.quoted).toEqual(['Blue Bolt M8']);
    expect(n.refs).toEqual(['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', 'FAS-1042', 'item-7']);
    expect(n.text).toBe('set stock of __q0__ and __r1__ and __r2__ and __r0__');
  });

  it('keeps positions: text is cased in lower case, with hyphens, slashes and brackets as spaces', () => {
    const n = normalize('Create an item called Anti-Slip Tape (Yellow/Black), size M8');
    expect(n.cased).toBe('Create an item called Anti-Slip Tape (Yellow/Black) , size M8');
    expect(n.text).toBe('create an item called anti slip tape  yellow black  , size m8');
    expect(n.text).toHaveLength(n.cased.length);
    const at = n.text.indexOf('anti');
    expect(n.cased.slice(at, at + 'Anti-Slip Tape (Yellow/Black)'.length)).toBe(
      'Anti-Slip Tape (Yellow/Black)',
    );
  });

  it('keeps words that start with a digit as words, not ids', () => {
    expect(normalize('Toilet Tissue 2-Ply, 4-week').refs).toEqual([]);
  });
});

describe('canonicalField', () => {
  it.each([
    ['current stock', 'current_stock'],
    ['Quantity on hand', 'current_stock'],
    ['reorder-level', 'reorder_point'],
    ['maximum', 'max_stock'],
    ['min_stock', 'min_stock'],
    ['Unit Price', 'unit_cost'],
    ['lead time', 'lead_time_days'],
    ['vendor', 'supplier'],
    ['colour', 'colour'],
  ])('%s -> %s', (raw, field) => {
    expect(canonicalField(raw)).toBe(field);
  });
});
