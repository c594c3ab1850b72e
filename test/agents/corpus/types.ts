import type { Condition } from '../../../shared/plan/index.js';

/**
 * The corpus (issue 13, point 7): requests in the voices of the people who
 * use the board, each with the plan it must become (or the clarification or
 * refusal it must get) and, for writes, the effect on the seeded demo board
 * (mock_data/inventory.csv, item ids = SKUs) that the executor test will
 * check. `scope` is which items a write touches: explicit ids, or a
 * predicate over item data evaluated on the board.
 */
export type Voice = 'stock_manager' | 'buyer' | 'shop_floor' | 'finance' | 'contract';
export type Category =
  | 'edit'
  | 'restock'
  | 'movement'
  | 'add'
  | 'remove'
  | 'undo'
  | 'question'
  | 'supplier'
  | 'forecast'
  | 'compound'
  | 'negation'
  | 'ambiguous'
  | 'refusal';

export type Data = Readonly<Record<string, unknown>>;
export type Value = number | string | ((d: Data) => number);

export interface Effect {
  /** Items the write touches, on the seeded board. */
  readonly scope?: readonly string[] | ((d: Data) => boolean);
  /** field → value after the write (a function of the item's data before it). */
  readonly set?: Readonly<Record<string, Value>>;
  readonly removes?: boolean;
  /** Items added. */
  readonly adds?: number;
}

export type Expect =
  | { readonly steps: readonly object[] }
  | { readonly clarify: readonly string[] }
  | { readonly refuse: readonly string[] };

export interface CorpusEntry {
  readonly text: string;
  readonly voice: Voice;
  readonly category: Category;
  readonly expect: Expect;
  readonly context?: Readonly<Record<string, unknown>>;
  /** Effects of each write step, in order. */
  readonly effects?: readonly Effect[];
  /** A known failure, counted as failing in the rate; says why. */
  readonly knownGap?: string;
}

type CondName = Condition['kind'] | Condition;
const cond = (c: CondName): Condition => (typeof c === 'string' ? ({ kind: c } as Condition) : c);

export interface SelectorSpec {
  items?: string[];
  all?: boolean;
  categories?: string[];
  suppliers?: string[];
  conditions?: CondName[];
  except?: { items?: string[]; categories?: string[]; suppliers?: string[]; conditions?: CondName[] };
}

/** An expected selector: arrays exact, `all` checked only when given. */
export function S(spec: SelectorSpec = {}): object {
  const ex = spec.except ?? {};
  return {
    items: (spec.items ?? []).map((id) => ({ status: 'resolved', id })),
    ...(spec.all !== undefined ? { all: spec.all } : {}),
    categories: spec.categories ?? [],
    suppliers: spec.suppliers ?? [],
    conditions: (spec.conditions ?? []).map(cond),
    exclude: {
      items: (ex.items ?? []).map((id) => ({ status: 'resolved', id })),
      categories: ex.categories ?? [],
      suppliers: ex.suppliers ?? [],
      conditions: (ex.conditions ?? []).map(cond),
    },
  };
}

/** Item data helpers for effects. */
export const n = (d: Data, f: string): number => (typeof d[f] === 'number' ? d[f] : NaN);
export const isLow = (d: Data) => n(d, 'current_stock') <= n(d, 'reorder_point');
export const isOut = (d: Data) => n(d, 'current_stock') <= 0;
export const belowMin = (d: Data) => n(d, 'current_stock') < n(d, 'min_stock');
export const inCat = (c: string) => (d: Data) => d['category'] === c;
export const from = (s: string) => (d: Data) => d['supplier'] === s;

/** Entry builders: a voice binds once per file. */
export function voice(v: Voice) {
  const entry = (
    text: string,
    category: Category,
    expect: Expect,
    extra: Partial<CorpusEntry> = {},
  ): CorpusEntry => ({
    text,
    voice: v,
    category,
    expect,
    ...extra,
  });
  return {
    plan: (text: string, category: Category, steps: object[], extra: Partial<CorpusEntry> = {}) =>
      entry(text, category, { steps }, extra),
    clarify: (text: string, ids: string[], extra: Partial<CorpusEntry> = {}) =>
      entry(text, 'ambiguous', { clarify: ids }, extra),
    refuse: (text: string, unclear: string[], extra: Partial<CorpusEntry> = {}) =>
      entry(text, 'refusal', { refuse: unclear }, extra),
  };
}

/** Steps, for brevity. */
export const restock = (sel: object, target: object = { kind: 'max' }) => ({
  kind: 'restock',
  writes: true,
  selector: sel,
  target,
});
export const remove = (sel: object) => ({ kind: 'remove', writes: true, selector: sel });
export const setField = (sel: object, field: string, value: unknown) => ({
  kind: 'set_field',
  writes: true,
  selector: sel,
  field,
  value,
});
export const adjust = (sel: object, field: string, change: object) => ({
  kind: 'adjust_field',
  writes: true,
  selector: sel,
  field,
  change,
});
export const receive = (sel: object, quantity: number) => ({
  kind: 'receive',
  writes: true,
  selector: sel,
  quantity,
});
export const sell = (sel: object, quantity: number, reason = 'sold') => ({
  kind: 'sell',
  writes: true,
  selector: sel,
  quantity,
  reason,
});
export const ask = (kind: string, extra: object = {}) => ({ kind, writes: false, ...extra });
export const supplierQ = (question: object) => ({ kind: 'supplier', writes: false, question });
export const forecast = (sel: object, horizon: object) => ({
  kind: 'forecast',
  writes: false,
  selector: sel,
  horizon,
});
