import type { Span, Tag, TagOf } from './tags.js';
import type { Token } from './tokens.js';

/**
 * One part of a request ("add 2 … and remove …" has two). The grammar reads
 * its spans and marks each one it uses; what is left decides whether the
 * request was understood whole.
 */
export class Clause {
  readonly used = new Set<Span>();
  /** Token ranges taken as free text (a new item's name, a purpose). */
  readonly usedRanges: [number, number][] = [];

  constructor(
    readonly spans: readonly Span[],
    readonly tokens: readonly Token[],
    readonly endsWithQuestionMark: boolean,
    /** Token range [start, end): untagged words between spans belong to the clause too. */
    readonly start: number,
    readonly end: number,
  ) {}

  all<T extends Tag['t']>(t: T): (Span & { tag: TagOf<T> })[] {
    return this.spans.filter((s): s is Span & { tag: TagOf<T> } => s.tag.t === t);
  }

  first<T extends Tag['t']>(
    t: T,
    where?: (tag: TagOf<T>) => boolean,
  ): (Span & { tag: TagOf<T> }) | undefined {
    return this.all(t).find((s) => !where || where(s.tag));
  }

  has<T extends Tag['t']>(t: T, where?: (tag: TagOf<T>) => boolean): boolean {
    return this.first(t, where) !== undefined;
  }

  cue(c: TagOf<'cue'>['c']): (Span & { tag: TagOf<'cue'> }) | undefined {
    return this.first('cue', (tag) => tag.c === c);
  }

  use(...spans: (Span | undefined)[]): void {
    for (const s of spans) if (s) this.used.add(s);
  }

  /** Takes tokens [start, end) as free text, with every span inside them. */
  useRange(start: number, end: number): void {
    this.usedRanges.push([start, end]);
    for (const s of this.spans) if (s.start >= start && s.end <= end) this.used.add(s);
  }

  /** The span right before / after `span` (fillers skipped when asked). */
  before(span: Span, skipFillers = true): Span | undefined {
    const i = this.spans.indexOf(span);
    for (let k = i - 1; k >= 0; k -= 1) {
      if (!skipFillers || this.spans[k]!.tag.t !== 'filler') return this.spans[k];
    }
    return undefined;
  }

  after(span: Span, skipFillers = true): Span | undefined {
    const i = this.spans.indexOf(span);
    for (let k = i + 1; k < this.spans.length; k += 1) {
      if (!skipFillers || this.spans[k]!.tag.t !== 'filler') return this.spans[k];
    }
    return undefined;
  }

  /** The request's own text for a span, as typed. */
  raw(span: Span): string {
    return this.tokens
      .slice(span.start, span.end)
      .map((t) => t.raw)
      .join(' ');
  }

  /** The first non-filler span. */
  lead(): Span | undefined {
    return this.spans.find((s) => s.tag.t !== 'filler');
  }

  /** Words of the clause, for matching a verb's form ("sold" vs "used"). */
  words(span: Span): string[] {
    return this.tokens.slice(span.start, span.end).map((t) => t.norm);
  }
}

/** Splits at "and" / "then" / "," / ";" when a new verb or question starts after it. */
export function splitClauses(spans: readonly Span[], tokens: readonly Token[]): Clause[] {
  const parts: Span[][] = [[]];
  spans.forEach((span, i) => {
    const joiner = tokens
      .slice(span.start, span.end)
      .map((t) => t.norm)
      .join(' ');
    const sequence = span.tag.t === 'conj' && SEQUENCE.has(joiner);
    if (
      span.tag.t === 'conj' &&
      (sequence || startsClause(spans, i + 1)) &&
      parts[parts.length - 1]!.length > 0
    ) {
      parts[parts.length - 1]!.push(span); // the joiner belongs to the clause before it
      parts.push([]);
      return;
    }
    // "… but don't restock X" starts a negative part even without a comma.
    const current = parts[parts.length - 1]!;
    if (
      span.tag.t === 'neg' &&
      span.tag.n === 'dont' &&
      spans[i + 1]?.tag.t === 'verb' &&
      current.some((s) => s.tag.t === 'verb')
    ) {
      const but = current.at(-1)?.tag.t === 'neg' ? current.pop() : undefined;
      parts.push(but ? [but, span] : [span]);
      return;
    }
    parts[parts.length - 1]!.push(span);
  });
  // "…, and how much?" adds no request of its own: it stays with the clause before.
  const kept: Span[][] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    const bare = p.every(
      (s) => ['q', 'filler', 'conj'].includes(s.tag.t) || (s.tag.t === 'cue' && s.tag.c === 'units'),
    );
    if (bare && kept.length > 0) kept[kept.length - 1]!.push(...p);
    else kept.push(p);
  }
  return kept.map((p, i) => {
    const start = i === 0 ? 0 : p[0]!.start;
    const end = i === kept.length - 1 ? tokens.length : kept[i + 1]![0]!.start;
    const question = tokens.slice(start, end).some((t) => t.norm === '?');
    return new Clause(p, tokens, question, start, end);
  });
}

/** Joiners that always start a new part: "…, then …". */
const SEQUENCE = new Set(['then', 'and then', 'after that']);

function startsClause(spans: readonly Span[], from: number): boolean {
  for (let k = from; k < spans.length; k += 1) {
    const tag = spans[k]!.tag;
    if (tag.t === 'filler' || tag.t === 'conj' || (tag.t === 'neg' && tag.n === 'not')) continue;
    if (tag.t === 'verb' && tag.v !== 'compare' && tag.v !== 'keep') return true;
    if (tag.t === 'neg' && tag.n === 'dont') return true;
    return tag.t === 'q' && tag.q !== 'is';
  }
  return false;
}
