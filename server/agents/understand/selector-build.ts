import { emptyExclusion, type Condition, type ItemRef, type Selector } from '../../../shared/plan/index.js';
import { daysBetween } from './calendar.js';
import type { Clause } from './clause.js';
import type { Lexicon } from './lexicon.js';
import type { Span } from './tags.js';

/**
 * The selector of a clause: named items, categories, suppliers, conditions
 * and "all", with everything after "except" / "but not" / "keep" (or a
 * "not" before it) as an exclusion. Spans already used for another role
 * (a value, a target) are skipped. Names matching several items come back
 * in `ambiguous`, for a clarification (NLU-5).
 */
export interface BuiltSelector {
  readonly selector: Selector;
  /** Anything named at all (an empty selector must not become "everything"). */
  readonly named: boolean;
  readonly ambiguous: { said: string; ids: string[] }[];
}

export function buildSelector(
  clause: Clause,
  lex: Lexicon,
  skip: ReadonlySet<Span> = new Set(),
): BuiltSelector {
  const include = emptySelector();
  const exclude = emptyExclusion();
  const ambiguous: { said: string; ids: string[] }[] = [];
  let excluding = false;
  let notNext = false;
  for (const span of clause.spans) {
    if (skip.has(span) || clause.used.has(span)) continue;
    const tag = span.tag;
    const target = excluding || notNext ? exclude : include;
    switch (tag.t) {
      case 'neg':
        if (tag.n === 'except' || tag.n === 'dont') excluding = true;
        else notNext = true;
        clause.use(span);
        continue;
      case 'verb':
        if (tag.v === 'keep') {
          excluding = true;
          clause.use(span);
        }
        continue;
      case 'item': {
        clause.use(span);
        if (target === exclude && tag.ids.length > 1) {
          // Excluding every item a name matches only narrows the scope: no need to ask which.
          for (const id of tag.ids)
            exclude.items.push({ status: 'resolved', id, said: tag.said, by: tag.by });
          break;
        }
        const refs = itemRefs(tag.ids, tag.said, tag.by, lex);
        if (refs.status === 'ambiguous') ambiguous.push({ said: tag.said, ids: tag.ids });
        target.items.push(refs);
        break;
      }
      case 'cat':
        clause.use(span);
        if (!target.categories.includes(tag.name)) target.categories.push(tag.name);
        break;
      case 'sup':
        clause.use(span);
        if (!target.suppliers.includes(tag.name)) target.suppliers.push(tag.name);
        break;
      case 'cond':
        clause.use(span);
        target.conditions.push(condition(tag.c));
        break;
      case 'all':
        if (!excluding) {
          include.all = true;
          clause.use(span);
        }
        continue;
      case 'prep':
        // "from BoxCraft", "in Cleaning": the preposition belongs to the filter after it.
        if (['from', 'in', 'of', 'by'].includes(tag.p)) {
          const next = clause.after(span);
          if (next && ['sup', 'cat', 'item'].includes(next.tag.t) && !skip.has(next)) clause.use(span);
        }
        continue;
      case 'cue': {
        if (tag.c === 'overstock') {
          // "the value of overstocked items": over max_stock.
          clause.use(span);
          target.conditions.push({ kind: 'over_max' });
          break;
        }
        // "… that runs out within 2 weeks": a condition, when a period follows.
        const period = tag.c === 'run_out' ? clause.after(span) : undefined;
        if (period?.tag.t !== 'period' || period.tag.back || skip.has(period) || clause.used.has(period))
          continue;
        const days = period.tag.days ?? daysBetween(period.tag.from, period.tag.to);
        if (days < 1) continue;
        clause.use(span, period);
        target.conditions.push({ kind: 'runs_out_within', days });
        break;
      }
      case 'field': {
        // "safety stock" in a question about a scope: the Safety category's stock, not min_stock.
        const category = lex.categories.find((c) => c.toLowerCase() === clause.words(span)[0]);
        if (category && clause.words(span)[1] === 'stock' && !clause.has('item')) {
          clause.use(span);
          if (!target.categories.includes(category)) target.categories.push(category);
          break;
        }
        // "the Office category": the word names the filter next to it.
        if (
          tag.f === 'category' &&
          [clause.before(span), clause.after(span)].some((s) => s?.tag.t === 'cat')
        ) {
          clause.use(span);
        }
        continue;
      }
      default:
        continue;
    }
    notNext = false;
  }
  const named =
    include.all ||
    include.items.length > 0 ||
    include.categories.length > 0 ||
    include.suppliers.length > 0 ||
    include.conditions.length > 0;
  return { selector: { ...include, exclude }, named, ambiguous };
}

export function emptySelector(): Omit<Selector, 'exclude'> & { all: boolean } {
  return { items: [], all: false, categories: [], suppliers: [], conditions: [] };
}

function condition(kind: Condition['kind']): Condition {
  return kind === 'runs_out_within' ? { kind, days: 28 } : { kind };
}

function itemRefs(ids: readonly string[], said: string, by: 'id' | 'sku' | 'name', lex: Lexicon): ItemRef {
  if (ids.length === 1) return { status: 'resolved', id: ids[0]!, said, by };
  const candidates = ids.slice(0, 20).map((id) => {
    const item = lex.items.find((i) => i.id === id);
    return { id, sku: item?.sku ?? '', name: item?.name ?? id };
  });
  return { status: 'ambiguous', said, candidates };
}

/** "everything" for questions that may default to the whole board. */
export function allSelector(): Selector {
  return { ...emptySelector(), all: true, exclude: emptyExclusion() };
}
