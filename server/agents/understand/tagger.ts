import { correctWord, fuzzyItems, isKnownWord, matchItemsByWords } from './fuzzy.js';
import type { Lexicon } from './lexicon.js';
import { findNumbers } from './numbers.js';
import { findPeriods } from './periods.js';
import type { Span, Tag } from './tags.js';
import { splitHyphens, tokenize, type Token } from './tokens.js';

/**
 * Text to tagged spans. Order of precedence: quoted strings and ids/SKUs,
 * dates and periods, item names (the longest run of words that all belong
 * to one or more names), numbers, then the fixed vocabulary and the room's
 * categories, suppliers and fields. Tokens left without a tag stay visible:
 * the grammar reports them as unclear.
 */
export interface Tagged {
  readonly tokens: readonly Token[];
  readonly spans: readonly Span[];
  /** Typos read as another word: [as typed, read as]. */
  readonly corrections: readonly (readonly [string, string])[];
}

const MAX_NAME_WORDS = 9;

export function tagText(text: string, lex: Lexicon, today: string): Tagged {
  const { tokens, corrections } = prepare(tokenize(text), lex);
  const taken: (Span | undefined)[] = tokens.map(() => undefined);
  const spans: Span[] = [];
  const put = (start: number, end: number, tag: Tag) => {
    const span = { start, end, tag };
    spans.push(span);
    for (let k = start; k < end; k += 1) taken[k] = span;
  };
  const free = (start: number, end: number) => {
    for (let k = start; k < end; k += 1) if (taken[k] || k >= tokens.length) return false;
    return true;
  };

  tokens.forEach((t, i) => {
    if (t.kind === 'quoted') put(i, i + 1, quotedTag(t.norm, lex));
    else if (t.kind === 'ref' || isIdWord(t, lex)) put(i, i + 1, refTag(t, lex));
  });
  for (const p of findPeriods(tokens, today)) {
    if (!free(p.start, p.end)) continue;
    const tag: Tag = { t: 'period', from: p.from, to: p.to, kind: p.kind };
    put(p.start, p.end, {
      ...tag,
      ...(p.days !== undefined ? { days: p.days } : {}),
      ...(p.back ? { back: true } : {}),
    });
  }
  const keywords = keywordSpans(tokens, lex);
  const isKeyword = (k: number) => keywords.some((s) => k >= s.start && k < s.end);
  for (const name of nameSpans(tokens, lex, isKeyword)) {
    if (free(name.start, name.end)) put(name.start, name.end, name.tag);
  }
  for (const n of findNumbers(tokens)) {
    if (free(n.start, n.end)) put(n.start, n.end, { t: 'num', value: n.value, pct: n.pct });
  }
  for (const k of keywords) if (free(k.start, k.end)) put(k.start, k.end, k.tag);
  // A phrase cut by a name or a period ("sell | through February") still has its shorter meaning.
  tokens.forEach((t, i) => {
    if (taken[i] || t.kind === 'quoted' || t.kind === 'ref') return;
    const hit = lex.phrases
      .get(t.norm)
      ?.find((p) => free(i, i + p.words.length) && p.words.every((w, k) => tokens[i + k]?.norm === w));
    if (hit) put(i, i + hit.words.length, hit.tag);
  });
  tokens.forEach((t, i) => {
    if (!taken[i] && lex.fillers.has(t.norm)) put(i, i + 1, { t: 'filler' });
  });
  spans.sort((a, b) => a.start - b.start);
  return { tokens, spans, corrections };
}

/** Splits unknown hyphenated words and corrects typos; keeps `raw` as typed for `unclear`. */
function prepare(
  input: readonly Token[],
  lex: Lexicon,
): { tokens: Token[]; corrections: [string, string][] } {
  const tokens: Token[] = [];
  const corrections: [string, string][] = [];
  for (const t of input) {
    if (t.kind !== 'word') {
      tokens.push(t);
      continue;
    }
    const pieces = splitHyphens(t.norm);
    const whole = isKnownWord(lex, t.norm) || pieces.length === 1 || /^\d/.test(t.norm);
    const words = whole ? [t.norm] : pieces;
    let offset = t.start;
    for (const word of words) {
      const rawStart = t.raw.toLowerCase().indexOf(word, offset - t.start) + t.start;
      const start = rawStart >= t.start ? rawStart : offset;
      const raw = t.raw.slice(start - t.start, start - t.start + word.length) || word;
      const fixed = correctWord(lex, word);
      if (fixed && fixed !== word) corrections.push([raw, fixed]);
      const corrected = fixed !== undefined && fixed !== word;
      tokens.push({
        raw,
        norm: fixed ?? word,
        kind: 'word',
        start,
        end: start + raw.length,
        ...(corrected ? { corrected } : {}),
      });
      offset = start + word.length;
    }
  }
  return { tokens, corrections };
}

function isIdWord(t: Token, lex: Lexicon): boolean {
  if (t.kind !== 'word' && t.kind !== 'number') return false;
  return lex.items.some((i) => i.id.toLowerCase() === t.norm || compact(i.sku) === compact(t.norm));
}

const compact = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[-_\s]/g, '');

function refTag(t: Token, lex: Lexicon): Tag {
  const raw = t.raw;
  const byId =
    lex.items.find((i) => i.id === raw) ?? lex.items.find((i) => i.id.toLowerCase() === raw.toLowerCase());
  if (byId)
    return {
      t: 'item',
      ids: [byId.id],
      said: raw,
      by: byId.sku && compact(byId.sku) === compact(raw) ? 'sku' : 'id',
    };
  const bySku = lex.items.filter((i) => i.sku && compact(i.sku) === compact(raw));
  if (bySku.length > 0) return { t: 'item', ids: bySku.map((i) => i.id), said: raw, by: 'sku' };
  return { t: 'unknown_ref', said: raw };
}

function quotedTag(text: string, lex: Lexicon): Tag {
  const exact = lex.items.filter((i) => i.name.toLowerCase() === text.toLowerCase());
  if (exact.length > 0) return { t: 'item', ids: exact.map((i) => i.id), said: text, by: 'name' };
  return { t: 'quoted', text };
}

/** The fixed vocabulary, longest phrase first at each position, left to right. */
function keywordSpans(tokens: readonly Token[], lex: Lexicon): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const options = t.kind === 'quoted' || t.kind === 'ref' ? undefined : lex.phrases.get(t.norm);
    const hit = options?.find((p) => p.words.every((w, k) => tokens[i + k]?.norm === w));
    if (hit) {
      out.push({ start: i, end: i + hit.words.length, tag: hit.tag });
      i += hit.words.length;
    } else i += 1;
  }
  return out;
}

/**
 * Runs of words that name items. A run needs at least one word that is not
 * a keyword or filler ("safety glasses" names an item, "safety" alone is the
 * category). Longer runs win; between equals, one not starting with a
 * number ("5 hand soap pumps" is 5 of "hand soap pump").
 */
function nameSpans(tokens: readonly Token[], lex: Lexicon, isKeyword: (k: number) => boolean): Span[] {
  const candidates: { start: number; end: number; ids: string[]; exact: boolean }[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    for (let end = Math.min(tokens.length, start + MAX_NAME_WORDS); end > start; end -= 1) {
      const run = tokens.slice(start, end);
      if (run.some((t) => t.kind !== 'word' && t.kind !== 'number')) continue;
      const anchor = run.some(
        (t, k) => t.kind === 'word' && !isKeyword(start + k) && !lex.fillers.has(t.norm),
      );
      // One typo-corrected word alone is too weak to name an item ("Corp" is not "Cord").
      if (!anchor || (run.length === 1 && run[0]!.corrected)) continue;
      const matches = matchItemsByWords(
        lex,
        run.map((t) => t.norm),
      );
      if (matches.length === 0) continue;
      // "received 100 nylon lock nut m8": a number first is a quantity unless the name starts with it.
      if (
        run[0]!.kind === 'number' &&
        !matches.some((m) => lex.nameWords.get(m.item.id)?.[0] === run[0]!.norm)
      )
        continue;
      const exact = matches.filter((m) => m.coverage >= 1);
      const ids = (exact.length === 1 ? exact : matches).map((m) => m.item.id);
      candidates.push({ start, end, ids, exact: exact.length === 1 });
      break;
    }
  }
  // Loose names ("hand-soap pump 500ml"): fuse over whole names, for runs of unknown words only.
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(tokens[a.start]!.kind === 'number') - Number(tokens[b.start]!.kind === 'number') ||
      Number(b.exact) - Number(a.exact) ||
      a.start - b.start,
  );
  const used = new Set<number>();
  const out: Span[] = [];
  for (const c of candidates) {
    let clash = false;
    for (let k = c.start; k < c.end; k += 1) if (used.has(k)) clash = true;
    if (clash) continue;
    for (let k = c.start; k < c.end; k += 1) used.add(k);
    const said = tokens
      .slice(c.start, c.end)
      .map((t) => t.raw)
      .join(' ');
    out.push({ start: c.start, end: c.end, tag: { t: 'item', ids: c.ids, said, by: 'name' } });
  }
  void fuzzyItems;
  return out;
}
