import { describe, expect, it } from 'vitest';
import { SeqWindow } from '../../../server/sync/room/seq-window.js';
import { Random } from '../../helpers/random.js';

describe('SeqWindow', () => {
  it('advances directly while commits arrive in order', () => {
    const w = new SeqWindow(3);
    w.add(4, 6);
    w.add(7, 7);
    expect([w.contiguous, w.highest, w.hasGap]).toEqual([7, 7, false]);
    expect(w.covers(1, 7)).toBe(true);
    expect(w.covers(7, 8)).toBe(false);
  });

  it('holds ranges past a gap until the gap fills', () => {
    const w = new SeqWindow(0);
    w.add(5, 6);
    w.add(9, 9);
    expect([w.contiguous, w.highest, w.hasGap]).toEqual([0, 9, true]);
    expect(w.covers(5, 6)).toBe(true);
    expect(w.covers(6, 9)).toBe(false);
    w.add(1, 4);
    expect([w.contiguous, w.hasGap]).toEqual([6, true]);
    w.add(7, 8);
    expect([w.contiguous, w.highest, w.hasGap]).toEqual([9, 9, false]);
  });

  it('ends contiguous whatever the order and overlap of the ranges', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = new Random(seed);
      const ranges: [number, number][] = [];
      for (let first = 1; first <= 100;) {
        const last = first + random.int(5);
        ranges.push([first, last]);
        first = last + 1;
      }
      const end = ranges.at(-1)![1];
      // Duplicates and overlapping re-reads, as catch-up reads produce.
      for (let i = 0; i < 10; i++) {
        const a = 1 + random.int(100);
        ranges.push([a, Math.min(end, a + random.int(10))]);
      }
      const w = new SeqWindow(0);
      // Fisher–Yates with the seeded generator.
      for (let i = ranges.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [ranges[i], ranges[j]] = [ranges[j]!, ranges[i]!];
      }
      for (const [a, b] of ranges) w.add(a, b);
      expect(w.contiguous, `seed ${seed}`).toBe(end);
      expect(w.hasGap).toBe(false);
    }
  });
});
