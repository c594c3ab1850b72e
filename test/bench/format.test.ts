import { describe, expect, it } from 'vitest';
import { parseStatLine } from '../../bench/proc-stats.js';
import { formatNumber, formatRatio, markdownTable, runsCell } from '../../bench/report/format.js';

describe('bench table formatting', () => {
  it('formats figures by size, and missing ones as a dash', () => {
    expect(formatNumber(12_345.6)).toBe('12,346');
    expect(formatNumber(42.44)).toBe('42.4');
    expect(formatNumber(3.5)).toBe('3.5');
    expect(formatNumber(0.1234)).toBe('0.123');
    expect(formatNumber(2, 2)).toBe('2.00');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatRatio(0.456)).toBe('0.46×');
    expect(formatRatio(12.34)).toBe('12.3×');
  });

  it('shows every run of a configuration in one cell, or nothing when none has a value', () => {
    expect(runsCell([1200, 1100.4], (v) => formatNumber(v))).toBe('1,200 / 1,100');
    expect(runsCell([5, undefined], (v) => formatNumber(v))).toBe('5 / –');
    expect(runsCell([undefined, Number.NaN], (v) => formatNumber(v))).toBe('');
  });

  it('pads a markdown table, text columns left and figures right', () => {
    const table = markdownTable(
      ['name', 'ms'],
      [
        ['stockroom', '5'],
        ['floor', '1,234'],
      ],
      1,
    );
    expect(table.split('\n')).toEqual([
      '| name      |    ms |',
      '| --------- | ----: |',
      '| stockroom |     5 |',
      '| floor     | 1,234 |',
    ]);
  });
});

describe('/proc/<pid>/stat parsing', () => {
  it('reads ppid and CPU ticks even when the command name holds spaces and parentheses', () => {
    const fields = ['S', '42', ...Array.from({ length: 9 }, () => '0'), '100', '20', '3', '4', '20', '0'];
    const line = `1234 (node (worker) x) ${fields.join(' ')}`;
    expect(parseStatLine(line)).toEqual({ ppid: 42, ticks: 127 });
  });
});
