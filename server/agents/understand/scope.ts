import type { Condition, Selector } from '../../../shared/plan/index.js';

/**
 * Which items a selector means, over a snapshot of the board. Pure, so the
 * executor, the safety checker and the corpus test all use one definition.
 * Named items are the scope; filters narrow; exclusions always win.
 */
export interface ScopeItem {
  readonly id: string;
  readonly type?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Days until an item runs out at its recent sales rate; undefined when unknown. */
export type CoverOf = (id: string) => number | undefined;

export function selectItems(selector: Selector, items: readonly ScopeItem[], coverOf?: CoverOf): string[] {
  const named = new Set(selector.items.flatMap((r) => (r.status === 'resolved' ? [r.id] : [])));
  const hasNames = selector.items.length > 0;
  const out: string[] = [];
  for (const item of items) {
    if (hasNames && !named.has(item.id)) continue;
    if (!hasNames && !selector.all && !hasFilter(selector)) continue;
    if (!inList(selector.categories, item.data['category'])) continue;
    if (!inList(selector.suppliers, item.data['supplier'])) continue;
    if (!selector.conditions.every((c) => meets(c, item, coverOf))) continue;
    if (excluded(selector, item, coverOf)) continue;
    out.push(item.id);
  }
  return out;
}

function hasFilter(s: Selector): boolean {
  return s.categories.length > 0 || s.suppliers.length > 0 || s.conditions.length > 0;
}

const same = (a: string, b: unknown) => typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

function inList(list: readonly string[], value: unknown): boolean {
  return list.length === 0 || list.some((x) => same(x, value));
}

function excluded(s: Selector, item: ScopeItem, coverOf?: CoverOf): boolean {
  const ex = s.exclude;
  return (
    ex.items.some((r) =>
      r.status === 'resolved' ? r.id === item.id : r.candidates.some((c) => c.id === item.id),
    ) ||
    ex.categories.some((c) => same(c, item.data['category'])) ||
    ex.suppliers.some((c) => same(c, item.data['supplier'])) ||
    ex.conditions.some((c) => meets(c, item, coverOf))
  );
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function meets(c: Condition, item: ScopeItem, coverOf?: CoverOf): boolean {
  const d = item.data;
  const stock = num(d['current_stock']);
  if (stock === undefined) return false;
  switch (c.kind) {
    case 'low_stock': {
      const rop = num(d['reorder_point']);
      return rop !== undefined && stock <= rop;
    }
    case 'out_of_stock':
      return stock <= 0;
    case 'below_min': {
      const min = num(d['min_stock']);
      return min !== undefined && stock < min;
    }
    case 'over_max': {
      const max = num(d['max_stock']);
      return max !== undefined && stock > max;
    }
    case 'runs_out_within': {
      const cover = coverOf?.(item.id);
      return cover !== undefined && cover <= c.days;
    }
  }
}
