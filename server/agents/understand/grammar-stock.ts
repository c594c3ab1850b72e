import { emptyExclusion, type ItemRef, type Selector, type Step } from '../../../shared/plan/index.js';
import {
  freeNumbers,
  none,
  numberAfter,
  one,
  writeSelector,
  type Built,
  type GrammarInput,
} from './build.js';
import type { VerbSpan } from './tags.js';

/**
 * Stock movements: restock (to max, by a quantity, or to a level), goods
 * received, goods sold / used / written off, and removal.
 */

export function buildRestock(input: GrammarInput, verb: VerbSpan): Built {
  const { clause } = input;
  clause.use(verb);
  let target: (Step & { kind: 'restock' })['target'] = { kind: 'max' };
  const to = numberAfter(clause, 'to') ?? numberAfter(clause, 'until');
  const by = numberAfter(clause, 'by');
  const toMax = clause.first('prep', (p) => p.p === 'to' || p.p === 'until');
  const maxField = toMax && clause.after(toMax);
  if (to) {
    clause.use(to.prep, to.num);
    target = { kind: 'level', level: to.num.tag.value };
  } else if (by) {
    clause.use(by.prep, by.num);
    target = { kind: 'quantity', quantity: by.num.tag.value };
  } else if (maxField?.tag.t === 'field' && maxField.tag.f === 'max_stock') {
    clause.use(toMax, maxField);
  } else {
    const n = freeNumbers(clause)[0];
    if (n) {
      clause.use(n);
      target = { kind: 'quantity', quantity: n.tag.value };
    }
  }
  clause.use(clause.cue('units'));
  const sel = writeSelector(input);
  if (!sel) return none('which items to restock');
  return one({ kind: 'restock', writes: true, selector: sel.selector, target }, sel);
}

const REASONS: readonly [RegExp, 'sold' | 'used' | 'written_off'][] = [
  [/^(?:used|use|consumed|took|issued)/, 'used'],
  [/^(?:damaged|broke|broken|lost|write|wrote|written)/, 'written_off'],
];

export function buildMovement(input: GrammarInput, verb: VerbSpan): Built {
  const { clause } = input;
  clause.use(verb);
  const pairs = quantityPairs(input, verb);
  if (pairs) return pairs;
  const n = freeNumbers(clause).find((x) => !x.tag.pct);
  if (!n) return none(verb.tag.v === 'receive' ? 'how many units arrived' : 'how many units went out');
  clause.use(n, clause.cue('units'));
  const sel = writeSelector(input);
  if (!sel) return none('which item');
  const quantity = n.tag.value;
  if (verb.tag.v === 'receive')
    return one({ kind: 'receive', writes: true, selector: sel.selector, quantity }, sel);
  const word = clause.words(verb).join(' ');
  const reason = REASONS.find(([re]) => re.test(word))?.[1] ?? 'sold';
  return one({ kind: 'sell', writes: true, selector: sel.selector, quantity, reason }, sel);
}

export function buildRemove(input: GrammarInput, verb: VerbSpan): Built {
  const { clause } = input;
  clause.use(verb);
  const recent = clause.cue('just_added');
  if (recent) {
    clause.use(recent);
    return one({ kind: 'remove_recent', writes: true });
  }
  const sel = writeSelector(input);
  if (!sel) return none('which items to remove');
  return one({ kind: 'remove', writes: true, selector: sel.selector }, sel);
}

/** Words that only say which change to undo: "the last change made by the agent". */
const UNDO_WORDS = new Set([
  'last',
  'change',
  'changes',
  'edit',
  'edits',
  'agent',
  'agents',
  'made',
  'by',
  'did',
  'done',
  'action',
  'update',
  'previous',
  'latest',
  'recent',
]);

export function buildUndo(input: GrammarInput, verb: VerbSpan): Built {
  const { clause } = input;
  clause.use(verb, clause.cue('last_change'));
  for (let k = clause.start; k < clause.end; k += 1) {
    if (UNDO_WORDS.has(clause.tokens[k]!.norm)) clause.useRange(k, k + 1);
  }
  return one({ kind: 'undo', writes: true });
}

/**
 * "sold 2 hard hat white and 1 hard hat blue": one step per item, each with
 * the number right before it. Only when every item has its own number.
 */
function quantityPairs(input: GrammarInput, verb: VerbSpan): Built | undefined {
  const { clause, lex } = input;
  const items = clause.all('item');
  const nums = freeNumbers(clause).filter((x) => !x.tag.pct);
  if (items.length < 2 || nums.length !== items.length) return undefined;
  const steps: Built['steps'] = [];
  const ambiguous: Built['ambiguous'] = [];
  for (const [i, item] of items.entries()) {
    const n = nums[i]!;
    if (n.end > item.start || (i > 0 && n.start < items[i - 1]!.end)) return undefined;
    clause.use(n, item);
    const selector = itemSelector(item.tag.ids, item.tag.said, lex);
    if (item.tag.ids.length > 1) ambiguous.push({ said: item.tag.said, ids: item.tag.ids });
    const quantity = n.tag.value;
    const word = clause.words(verb).join(' ');
    const reason = REASONS.find(([re]) => re.test(word))?.[1] ?? 'sold';
    steps.push(
      verb.tag.v === 'receive'
        ? { kind: 'receive', writes: true, selector, quantity }
        : { kind: 'sell', writes: true, selector, quantity, reason },
    );
  }
  for (const u of clause.all('cue')) if (u.tag.c === 'units') clause.use(u);
  return { steps, ambiguous };
}

function itemSelector(ids: readonly string[], said: string, lex: GrammarInput['lex']): Selector {
  const ref: ItemRef =
    ids.length === 1
      ? { status: 'resolved', id: ids[0]!, said, by: 'name' }
      : {
          status: 'ambiguous',
          said,
          candidates: ids.slice(0, 20).map((id) => {
            const item = lex.items.find((i) => i.id === id);
            return { id, sku: item?.sku ?? '', name: item?.name ?? id };
          }),
        };
  return {
    items: [ref],
    all: false,
    categories: [],
    suppliers: [],
    conditions: [],
    exclude: emptyExclusion(),
  };
}
