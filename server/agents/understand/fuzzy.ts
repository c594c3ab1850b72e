import Fuse from 'fuse.js';
import type { Lexicon, LexiconItem } from './lexicon.js';
import { stem } from './tokens.js';

/**
 * Small typos and partial names. Words are corrected one by one against the
 * room's vocabulary with fuse.js, and only within a small edit distance, so
 * "restok" reads as "restock" but "tent" never becomes "tape". Item names
 * are then matched word by word: every word the request gives must be in the
 * item's name (in any order, singular or plural).
 */
const fuses = new WeakMap<Lexicon, Fuse<string>>();
const itemFuses = new WeakMap<Lexicon, Fuse<LexiconItem>>();

function vocabularyFuse(lex: Lexicon): Fuse<string> {
  let fuse = fuses.get(lex);
  if (!fuse) {
    // Fillers are never a correction's target: a typo read as a filler would vanish unreported.
    const words = [...lex.vocabulary].filter((w) => w.length >= 3 && /[a-z]/.test(w) && !lex.fillers.has(w));
    fuse = new Fuse(words, {
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
      minMatchCharLength: 2,
    });
    fuses.set(lex, fuse);
  }
  return fuse;
}

/** Damerau–Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How far a word may be from the one it stands for: none under 4 letters. */
function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

export function isKnownWord(lex: Lexicon, word: string): boolean {
  return lex.vocabulary.has(word) || lex.vocabulary.has(stem(word));
}

/** The vocabulary word a typo stands for, or undefined when none is close enough. */
export function correctWord(lex: Lexicon, word: string): string | undefined {
  if (isKnownWord(lex, word)) return word;
  const max = allowedTypos(word);
  if (max === 0 || !/^[a-z]+$/.test(word)) return undefined;
  let best: { word: string; distance: number; score: number } | undefined;
  for (const hit of vocabularyFuse(lex).search(word, { limit: 12 })) {
    const distance = editDistance(word, hit.item);
    // Phone typos keep the first letter; without that rule "accounts" would read as "count".
    if (distance > max || hit.item[0] !== word[0]) continue;
    const score = hit.score ?? 1;
    if (!best || distance < best.distance || (distance === best.distance && score < best.score)) {
      best = { word: hit.item, distance, score };
    }
  }
  return best?.word;
}

export interface ItemMatch {
  readonly item: LexiconItem;
  /** Share of the name's words the request gave: 1 is the whole name. */
  readonly coverage: number;
}

/** Items whose name has every one of `words` (stemmed), best coverage first. */
export function matchItemsByWords(lex: Lexicon, words: readonly string[]): ItemMatch[] {
  const wanted = words.map(stem);
  if (wanted.length === 0) return [];
  const out: ItemMatch[] = [];
  for (const item of lex.items) {
    const name = lex.nameWords.get(item.id) ?? [];
    if (!wanted.every((w) => name.includes(w))) continue;
    const distinct = new Set(
      name.filter((w) => !w.includes('-') || !name.some((o) => o !== w && w.includes(o))),
    );
    out.push({ item, coverage: Math.min(1, new Set(wanted).size / Math.max(1, distinct.size)) });
  }
  return out.sort((a, b) => b.coverage - a.coverage);
}

/** Fallback for a name typed loosely ("hand-soap pump 500"): fuse over whole names. */
export function fuzzyItems(lex: Lexicon, text: string): LexiconItem[] {
  let fuse = itemFuses.get(lex);
  if (!fuse) {
    fuse = new Fuse([...lex.items], {
      keys: ['name'],
      includeScore: true,
      threshold: 0.25,
      ignoreLocation: true,
    });
    itemFuses.set(lex, fuse);
  }
  const hits = fuse.search(text, { limit: 5 });
  const top = hits[0]?.score;
  if (top === undefined || top > 0.15) return [];
  return hits.filter((h) => (h.score ?? 1) <= top + 0.02).map((h) => h.item);
}

/** The category or supplier a possibly misspelled name stands for. */
export function closestName(names: readonly string[], text: string): string | undefined {
  const lower = text.toLowerCase();
  const exact = names.find((n) => n.toLowerCase() === lower);
  if (exact) return exact;
  const fuse = new Fuse([...names], { includeScore: true, threshold: 0.3, ignoreLocation: true });
  return fuse.search(text)[0]?.item;
}
