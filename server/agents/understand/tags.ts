import type { ConditionKind, SupplierMetric } from '../../../shared/plan/index.js';

/**
 * What a span of tokens was recognised as. The grammar builds steps from
 * tags and marks each tag it uses; a token whose tag no step used (and that
 * is not a filler) is reported as unclear (NLU-4).
 */
export type Verb =
  | 'remove'
  | 'set'
  | 'increase'
  | 'decrease'
  | 'multiply'
  | 'restock'
  | 'receive'
  | 'sell'
  | 'add'
  | 'undo'
  | 'forecast'
  | 'show'
  | 'analyze'
  | 'rank'
  | 'compare'
  | 'keep';

export type Question =
  'what' | 'which' | 'how_many' | 'how_much' | 'when' | 'who' | 'should' | 'how_long' | 'how' | 'is';

export type Prep =
  | 'to'
  | 'by'
  | 'of'
  | 'for'
  | 'from'
  | 'in'
  | 'with'
  | 'named'
  | 'than'
  | 'on'
  | 'since'
  | 'until'
  | 'before'
  | 'within'
  | 'at'
  | 'as';

/** Nouns and modifiers that steer a question or an operation. */
export type Cue =
  | 'item'
  | 'new'
  | 'supplier'
  | 'po'
  | 'open'
  | 'overdue'
  | 'late'
  | 'value'
  | 'cover'
  | 'run_out'
  | 'overstock'
  | 'reorder_q'
  | 'units'
  | 'total'
  | 'best'
  | 'worst'
  | 'top'
  | 'demand'
  | 'just_added'
  | 'last_change'
  | 'percent_word'
  | 'half'
  | 'double'
  | 'triple'
  | 'help'
  | 'days';

export type Tag =
  | { t: 'verb'; v: Verb }
  | { t: 'q'; q: Question }
  | { t: 'prep'; p: Prep }
  | { t: 'cue'; c: Cue }
  | { t: 'cond'; c: ConditionKind }
  | { t: 'metric'; m: SupplierMetric }
  | { t: 'field'; f: string }
  | { t: 'neg'; n: 'except' | 'not' | 'dont' }
  | { t: 'all' }
  | { t: 'conj' }
  | { t: 'filler' }
  | { t: 'bulk'; op: 'add_multiple' | 'remove_multiple' | 'update_multiple' }
  | { t: 'num'; value: number; pct: boolean }
  | {
      t: 'period';
      from: string;
      to: string;
      kind: 'range' | 'until' | 'since' | 'duration';
      days?: number;
      back?: boolean;
    }
  | { t: 'item'; ids: string[]; said: string; by: 'id' | 'sku' | 'name' }
  | { t: 'unknown_ref'; said: string }
  | { t: 'cat'; name: string }
  | { t: 'sup'; name: string }
  | { t: 'quoted'; text: string };

/** A tag over tokens [start, end). */
export interface Span {
  readonly tag: Tag;
  readonly start: number;
  readonly end: number;
}

export type TagOf<T extends Tag['t']> = Extract<Tag, { t: T }>;
/** A span tagged as a verb: what every grammar rule starts from. */
export type VerbSpan = Span & { tag: TagOf<'verb'> };

export function is<T extends Tag['t']>(span: Span, t: T): span is Span & { tag: TagOf<T> } {
  return span.tag.t === t;
}
