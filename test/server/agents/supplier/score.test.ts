import { describe, expect, it } from 'vitest';
import { scoreSuppliers, type SupplierScore } from '../../../../server/agents/supplier/index.js';
import { ORDERS, order } from './fixture.js';

const bySupplier = (scores: SupplierScore[], name: string): SupplierScore => {
  const found = scores.find((s) => s.supplier === name);
  if (!found) throw new Error(`no score for ${name}`);
  return found;
};

describe('scoreSuppliers on the hand-made fixture', () => {
  const scores = scoreSuppliers(ORDERS);

  it('Acme: open order counted in orders only', () => {
    // delivered A1..A3; lead times 6, 7, 10 days; on time: A1 (early), A2 (on the promised day); A3 late
    // on_time = 2/3; mean lead = 23/3 = 7.6667
    // p90 (type 7): sorted [6, 7, 10], h = (3 − 1)·0.9 = 1.8 → 7 + 0.8·(10 − 7) = 9.4
    // fill = (100 + 50 + 70) / (100 + 50 + 80) = 220/230 = 0.956522
    // defect = (2 + 0 + 1) / 220 = 0.0136364
    const acme = bySupplier(scores, 'Acme');
    expect(acme.orders).toBe(4);
    expect(acme.on_time_rate).toBeCloseTo(2 / 3, 12);
    expect(acme.mean_lead_time_days).toBeCloseTo(23 / 3, 12);
    expect(acme.p90_lead_time_days).toBeCloseTo(9.4, 12);
    expect(acme.fill_rate).toBeCloseTo(220 / 230, 12);
    expect(acme.defect_rate).toBeCloseTo(3 / 220, 12);
  });

  it('Bolt: lead time across a leap day', () => {
    // lead times: B1 4, B2 3, B3 27 Feb → 2 Mar 2024 = 4 (29 Feb exists); all on or before promise
    // on_time = 1; mean lead = 11/3 = 3.6667; p90: sorted [3, 4, 4], h = 1.8 → 4 + 0.8·0 = 4
    // fill = 390/400 = 0.975; defect = 15/390 = 0.0384615
    const bolt = bySupplier(scores, 'Bolt');
    expect(bolt.orders).toBe(3);
    expect(bolt.on_time_rate).toBe(1);
    expect(bolt.mean_lead_time_days).toBeCloseTo(11 / 3, 12);
    expect(bolt.p90_lead_time_days).toBeCloseTo(4, 12);
    expect(bolt.fill_rate).toBeCloseTo(0.975, 12);
    expect(bolt.defect_rate).toBeCloseTo(15 / 390, 12);
  });

  it('Dart: one late, partial, defective delivery', () => {
    // lead 14 days, promised 2024-01-10, delivered 2024-01-15 → late; fill 5/10; defect 1/5
    const dart = bySupplier(scores, 'Dart');
    expect(dart).toMatchObject({
      orders: 1,
      on_time_rate: 0,
      mean_lead_time_days: 14,
      p90_lead_time_days: 14,
    });
    expect(dart.fill_rate).toBeCloseTo(0.5, 12);
    expect(dart.defect_rate).toBeCloseTo(0.2, 12);
  });

  it('Cargo: only open orders → every rate null, score 0', () => {
    expect(bySupplier(scores, 'Cargo')).toEqual({
      supplier: 'Cargo',
      orders: 2,
      on_time_rate: null,
      mean_lead_time_days: null,
      p90_lead_time_days: null,
      fill_rate: null,
      defect_rate: null,
      score: 0,
      rank: 4,
    });
  });

  it('composite scores', () => {
    // lead component: best mean 11/3 (Bolt) = 1, worst 14 (Dart) = 0, span 31/3
    // Acme lead = (14 − 23/3)/(31/3) = 19/31 = 0.612903
    // Acme = 100·(0.4·2/3 + 0.25·0.956522 + 0.2·(1 − 0.0136364) + 0.15·0.612903)
    //      = 100·(0.266667 + 0.239130 + 0.197273 + 0.091935) = 79.5005
    // Bolt = 100·(0.4·1 + 0.25·0.975 + 0.2·(1 − 0.0384615) + 0.15·1)
    //      = 100·(0.4 + 0.24375 + 0.192308 + 0.15) = 98.6058
    // Dart = 100·(0.4·0 + 0.25·0.5 + 0.2·0.8 + 0.15·0) = 28.5
    expect(bySupplier(scores, 'Acme').score).toBeCloseTo(79.5005, 4);
    expect(bySupplier(scores, 'Bolt').score).toBeCloseTo(98.6058, 4);
    expect(bySupplier(scores, 'Dart').score).toBeCloseTo(28.5, 10);
  });

  it('ranks best first and returns rows in rank order', () => {
    expect(scores.map((s) => [s.supplier, s.rank])).toEqual([
      ['Bolt', 1],
      ['Acme', 2],
      ['Dart', 3],
      ['Cargo', 4],
    ]);
  });
});

describe('scoreSuppliers edge cases', () => {
  it('empty input gives no suppliers', () => {
    expect(scoreSuppliers([])).toEqual([]);
  });

  it('equal scores rank by supplier name', () => {
    const same = (po: string, supplier: string) =>
      order([po, supplier, '2024-01-01', '2024-01-05', '2024-01-04', 10, 10, 0]);
    const scores = scoreSuppliers([same('1', 'Zeta'), same('2', 'Alpha'), same('3', 'Mid')]);
    expect(scores.map((s) => [s.supplier, s.rank])).toEqual([
      ['Alpha', 1],
      ['Mid', 2],
      ['Zeta', 3],
    ]);
    // all on time, full fill, no defects, equal lead times (component 1 for all) → 100
    for (const s of scores) expect(s.score).toBeCloseTo(100, 12);
  });

  it('suppliers with only open orders tie at 0 and rank after delivering ones, by name', () => {
    const open = (po: string, supplier: string) =>
      order([po, supplier, '2024-01-01', '2024-01-05', null, 5, 0, 0]);
    const late = order(['L', 'Late', '2024-01-01', '2024-01-02', '2024-01-30', 10, 0, 0]);
    const scores = scoreSuppliers([open('1', 'Yon'), late, open('2', 'Bee')]);
    // Late: on time 0, fill 0/10 = 0, received 0 → defect null (quality 0), the only lead time → 1
    // score = 100·0.15·1 = 15
    expect(scores.map((s) => [s.supplier, s.score, s.rank])).toEqual([
      ['Late', expect.closeTo(15, 10), 1],
      ['Bee', 0, 2],
      ['Yon', 0, 3],
    ]);
    expect(scores[0]?.defect_rate).toBeNull();
    expect(scores[0]?.fill_rate).toBe(0);
  });

  it('refuses a malformed date instead of guessing', () => {
    const bad = order(['X', 'X', '2024-02-30', '2024-03-01', '2024-03-02', 1, 1, 0]);
    expect(() => scoreSuppliers([bad])).toThrow(RangeError);
  });
});
