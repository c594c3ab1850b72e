import type {
  Change,
  Condition,
  Plan,
  Selector,
  Step,
  SupplierQuestion,
} from '../../../shared/plan/index.js';

/**
 * A plan in words, for `intent_analysis` and the UI (NLU-7): "restock the
 * low-stock Cleaning items to max_stock, except Hand Soap 5 L Refill".
 */
export function describePlan(steps: readonly Step[], names: ReadonlyMap<string, string>): string {
  return steps.map((s) => describeStep(s, names)).join('; then ');
}

const COND: Record<Condition['kind'], string> = {
  low_stock: 'low-stock',
  out_of_stock: 'out-of-stock',
  below_min: 'below-min',
  over_max: 'over-max',
  runs_out_within: 'running-out',
};

export function describeSelector(s: Selector, names: ReadonlyMap<string, string>): string {
  const item = (r: Selector['items'][number]) =>
    r.status === 'resolved' ? (names.get(r.id) ?? r.id) : `"${r.said}"`;
  let text: string;
  if (s.items.length > 0) text = s.items.map(item).join(', ');
  else {
    const conds = s.conditions.map((c) =>
      c.kind === 'runs_out_within' ? `running out within ${c.days} days` : COND[c.kind],
    );
    const pre = conds.filter((c) => !c.startsWith('running out')).join(' ');
    const post = conds.filter((c) => c.startsWith('running out'));
    text = [
      s.all && !pre && s.categories.length === 0 ? 'all' : 'the',
      pre,
      s.categories.join(' or '),
      'items',
    ]
      .filter((p) => p !== '')
      .join(' ');
    if (s.suppliers.length > 0) text += ` from ${s.suppliers.join(' or ')}`;
    if (post.length > 0) text += ` ${post.join(' and ')}`;
  }
  const ex = s.exclude;
  const out = [
    ...ex.items.map(item),
    ...ex.categories.map((c) => `${c} items`),
    ...ex.suppliers.map((c) => `items from ${c}`),
    ...ex.conditions.map((c) => `${COND[c.kind]} items`),
  ];
  return out.length > 0 ? `${text} except ${out.join(', ')}` : text;
}

function change(c: Change): string {
  if (c.kind === 'delta') return c.amount > 0 ? `increase by ${c.amount}` : `decrease by ${-c.amount}`;
  if (c.kind === 'percent') return c.percent > 0 ? `increase by ${c.percent}%` : `decrease by ${-c.percent}%`;
  return `multiply by ${c.factor}`;
}

function supplier(q: SupplierQuestion): string {
  const w = q.window ? ` (orders ${q.window.from} to ${q.window.to})` : '';
  switch (q.ask) {
    case 'rank':
      return `rank suppliers by ${q.metric}, ${q.order} first${q.limit ? `, top ${q.limit}` : ''}${w}`;
    case 'one':
      return `${q.metric ?? 'performance'} of ${q.supplier}${w}`;
    case 'compare':
      return `compare ${q.suppliers.join(', ')}${q.metric ? ` on ${q.metric}` : ''}${w}`;
    case 'best_for_category':
      return `best supplier for ${q.category} by ${q.metric}${w}`;
    case 'late_most':
      return `the supplier late most often${w}`;
    case 'purchase_orders':
      return `${q.status} purchase orders${q.supplier ? ` from ${q.supplier}` : ''}${w}`;
  }
}

export function describeStep(step: Step, names: ReadonlyMap<string, string>): string {
  const sel = 'selector' in step ? describeSelector(step.selector, names) : '';
  switch (step.kind) {
    case 'set_field':
      return `set ${step.field} of ${sel} to ${String(step.value)}`;
    case 'adjust_field':
      return `${change(step.change)} the ${step.field} of ${sel}`;
    case 'restock':
      return `restock ${sel} ${step.target.kind === 'max' ? 'to max_stock' : step.target.kind === 'level' ? `to ${step.target.level}` : `by ${step.target.quantity}`}`;
    case 'receive':
      return `receive ${step.quantity} units of ${sel}`;
    case 'sell':
      return `take ${step.quantity} units of ${sel} out of stock (${step.reason.replace('_', ' ')})`;
    case 'remove':
      return `remove ${sel}`;
    case 'add_items':
      return `add ${step.items.map((i) => `${i.type} item "${i.name}"`).join(', ')}`;
    case 'create_from_catalogue':
      return `add ${step.count} catalogue ${step.category ?? ''} product${step.count === 1 ? '' : 's'}${step.supplier ? ` from ${step.supplier}` : ''}${step.purpose ? ` for ${step.purpose}` : ''}`.replace(
        / {2,}/g,
        ' ',
      );
    case 'undo':
      return 'undo the last agent change';
    case 'remove_recent':
      return 'remove the items the last request added';
    case 'bulk':
      return `${step.operation} on ${step.items.length} items`;
    case 'item_fields':
      return `look up ${step.fields.length > 0 ? step.fields.join(', ') : 'the details'} of ${sel}`;
    case 'list_items':
      return `list ${sel}`;
    case 'stock_value':
      return `stock value of ${sel}`;
    case 'days_of_cover':
      return `days of cover of ${sel}`;
    case 'reorder_advice':
      return `what to reorder among ${sel}, and how much`;
    case 'overstock':
      return `overstock among ${sel}`;
    case 'runs_out':
      return `when ${sel} run out${step.within_days ? ` (within ${step.within_days} days)` : ''}`;
    case 'totals':
      return `total ${step.measure} of ${sel}`;
    case 'stock_analysis':
      return 'analyze stock';
    case 'help':
      return 'what the agents can do';
    case 'supplier':
      return supplier(step.question);
    case 'forecast':
      return `forecast demand for ${sel} from ${step.horizon.start} to ${step.horizon.end} (${step.horizon.days} days)`;
  }
}

export type { Plan };
