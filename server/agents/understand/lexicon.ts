import { MONTHS } from './calendar.js';
import { NUMBER_WORDS } from './numbers.js';
import { splitHyphens, stem, tokenize } from './tokens.js';
import { FILLERS, PHRASES } from './words.js';
import type { Tag } from './tags.js';

/**
 * What the parser knows about one room at one moment: its items, the
 * catalogue, suppliers, categories and field names, and the date the sales
 * data ends. Built by `lexicon-source.ts` from the data and a document
 * snapshot; everything here is plain data, so tests build one by hand.
 */
export interface LexiconItem {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly sku?: string;
  readonly category?: string;
  readonly supplier?: string;
}

export interface LexiconSnapshot {
  readonly items: readonly LexiconItem[];
  readonly catalogue: readonly { sku: string; name: string; category: string; supplier: string }[];
  readonly suppliers: readonly string[];
  readonly categories: readonly string[];
  /** Data field names seen on the board, beyond the known ones. */
  readonly fields: readonly string[];
  /** The sales data's last date (`YYYY-MM-DD`): forecasts start the day after. */
  readonly salesEnd: string;
}

export interface Phrase {
  readonly words: readonly string[];
  readonly tag: Tag;
}

export interface Lexicon extends LexiconSnapshot {
  /** Phrases by first word, longest first. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Every word the parser can place: keywords, fillers, names, categories, suppliers. */
  readonly vocabulary: ReadonlySet<string>;
  /** Stemmed words of each item's name, by item id. */
  readonly nameWords: ReadonlyMap<string, readonly string[]>;
  readonly fillers: ReadonlySet<string>;
}

/** Words for categories beyond their names ("ppe" is Safety). */
const CATEGORY_ALIASES: readonly [string, string][] = [
  ['ppe', 'safety'],
  ['janitorial', 'cleaning'],
  ['cleaning supplies', 'cleaning'],
  ['electric', 'electrical'],
  ['electricals', 'electrical'],
  ['fastener', 'fasteners'],
  ['screws and bolts', 'fasteners'],
  ['tool', 'tools'],
  ['office supplies', 'office'],
  ['stationery', 'office'],
  ['plumbing supplies', 'plumbing'],
  ['packing', 'packaging'],
];

/** Supplier words too common to name a supplier alone. */
const GENERIC_SUPPLIER_WORDS = new Set([
  'ltd',
  'co',
  'trading',
  'supply',
  'products',
  'components',
  'packaging',
  'tools',
  'tool',
  'imports',
  'gmbh',
  'ab',
  'direct',
  'plumbing',
  'safety',
  'electrical',
  'janitorial',
  'ppe',
  '&',
  'and',
  'fasteners',
  'stationers',
]);

/** Words of dates and periods: known, so never "corrected" into an item ("march" is not "arch"). */
const CALENDAR_WORDS = [
  ...MONTHS.keys(),
  ...[
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'tomorrow',
    'christmas',
    'xmas',
  ],
  ...[
    'day',
    'days',
    'week',
    'weeks',
    'month',
    'months',
    'quarter',
    'quarters',
    'year',
    'years',
    'end',
    'next',
  ],
  ...[
    'last',
    'past',
    'previous',
    'coming',
    'following',
    'upcoming',
    'since',
    'until',
    'through',
    'till',
    'ahead',
  ],
];

export function buildLexicon(snapshot: LexiconSnapshot): Lexicon {
  const phrases = new Map<string, Phrase[]>();
  const add = (text: string, tag: Tag) => {
    const words = tokenize(text).flatMap((t) => (t.kind === 'word' ? splitHyphens(t.norm) : [t.norm]));
    if (words.length === 0) return;
    const list = phrases.get(words[0]!) ?? [];
    // The first meaning listed for a phrase wins; the grammar reads roles from context.
    if (!list.some((p) => p.words.join(' ') === words.join(' '))) list.push({ words, tag });
    phrases.set(words[0]!, list);
  };
  for (const [text, tag] of PHRASES) add(text, tag);
  for (const category of snapshot.categories) {
    add(category, { t: 'cat', name: category });
    if (category.toLowerCase().endsWith('s')) add(category.slice(0, -1), { t: 'cat', name: category });
  }
  for (const [alias, target] of CATEGORY_ALIASES) {
    const category = snapshot.categories.find((c) => c.toLowerCase() === target);
    if (category) add(alias, { t: 'cat', name: category });
  }
  for (const supplier of snapshot.suppliers) {
    add(supplier, { t: 'sup', name: supplier });
    const words = supplier.split(/\s+/);
    // "PureShine", "Bolt & Nut", "Forge & Anvil", "Harbor Tool": the distinctive start.
    if (GENERIC_SUPPLIER_WORDS.has(words[0]!.toLowerCase())) continue;
    for (let n = 1; n < words.length; n += 1) add(words.slice(0, n).join(' '), { t: 'sup', name: supplier });
  }
  for (const field of snapshot.fields) add(field, { t: 'field', f: field });
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);

  const nameWords = new Map<string, string[]>();
  const vocabulary = new Set<string>([...FILLERS, ...NUMBER_WORDS, ...CALENDAR_WORDS]);
  for (const list of phrases.values()) for (const p of list) for (const w of p.words) vocabulary.add(w);
  for (const item of snapshot.items) {
    const words = nameTokens(item.name);
    nameWords.set(item.id, words.map(stem));
    for (const w of words) vocabulary.add(w);
  }
  for (const row of snapshot.catalogue) for (const w of nameTokens(row.name)) vocabulary.add(w);
  return { ...snapshot, phrases, vocabulary, nameWords, fillers: new Set(FILLERS) };
}

/** A name's words as the tokenizer writes them, hyphenated words kept whole and split. */
export function nameTokens(name: string): string[] {
  return tokenize(name).flatMap((t) => {
    if (t.kind === 'punct') return [];
    const pieces = splitHyphens(t.norm);
    return pieces.length > 1 ? [t.norm, ...pieces] : [t.norm];
  });
}
