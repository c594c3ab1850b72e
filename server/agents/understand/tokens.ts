/**
 * The tokenizer: text to tokens that keep their place in the original (for
 * `unclear`, which quotes the words as typed). Quoted strings and ids/SKUs
 * are single tokens, so their words never read as keywords; hyphenated
 * words stay whole (`all-purpose`, `2-ply`) and the lexicon splits the ones
 * it does not know (`low-stock` → `low`, `stock`).
 */
export type TokenKind = 'word' | 'number' | 'ref' | 'quoted' | 'punct';

export interface Token {
  /** As typed. */
  readonly raw: string;
  /** Lower case, curly quotes straightened, `'s` dropped; for quoted: the inner text. */
  readonly norm: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Set when `norm` is a typo correction of what was typed. */
  readonly corrected?: boolean;
}

/** Max length of a request the parser reads; longer is refused before tokenizing. */
export const MAX_INPUT_CHARS = 2000;

const PATTERNS: readonly [TokenKind, RegExp][] = [
  ['quoted', /"([^"]*)"|“([^”]*)”|‘([^’]*)’|(?<![\w'])'([^']+)'(?![\w'])/y],
  // UUIDs, SKUs as the data writes them (FAS-1042, ELEC-0007-B), other ids (item-7, inv_001).
  ['ref', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/iy],
  ['ref', /[A-Za-z]{2,6}-\d{2,8}(?:-[A-Za-z0-9]{1,8})*(?![\w-])/y],
  ['ref', /[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:[-_]\d[A-Za-z0-9]*)+(?![\w-])/y],
  // Fractions in names ("Ball Valve 1/2 in") are words.
  ['word', /\d+\/\d+(?![\w/])/y],
  // ISO dates are one token, for the date reader.
  ['word', /\d{4}-\d{2}-\d{2}(?![\w-])/y],
  // 40, 1.5, 1,200, $4.50, 10%; "2-ply" and "4-week" are words.
  ['number', /[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?(?![\w-])|[$€£]?\d+(?:\.\d+)?%?(?![\w-])/y],
  [
    'word',
    /[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?(?:[-/][A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?)*/y,
  ],
  ['punct', /[,;:=%&?!]/y],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < text.length) {
    if (/\s|[.()[\]{}<>*|\\~^`#]/.test(text[i]!)) {
      i += 1;
      continue;
    }
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      const raw = m[0];
      tokens.push({ raw, norm: normOf(kind, m), kind, start: i, end: i + raw.length });
      i += raw.length;
      continue outer;
    }
    // Anything else (an emoji, a stray quote) is its own token: never dropped silently.
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    tokens.push({ raw: ch, norm: ch, kind: 'punct', start: i, end: i + ch.length });
    i += ch.length;
  }
  return tokens;
}

function normOf(kind: TokenKind, m: RegExpExecArray): string {
  if (kind === 'quoted') return (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
  const lower = m[0].toLowerCase().replace(/’/g, "'");
  if (kind === 'number') return lower.replace(/[$€£,]/g, '');
  if (kind === 'word') return lower.replace(/'s$/, '').replace(/^re-(?=order|stock|fill|supply)/, 're');
  return lower;
}

/** The words a token stands for when it is looked up: `low-stock` → `low stock`. */
export function splitHyphens(norm: string): string[] {
  return norm.split(/[-/]/).filter((p) => p !== '');
}

/** A light stem for matching names: plurals become singular (`cloths` → `cloth`, `boxes` → `box`). */
export function stem(word: string): string {
  if (word.length > 4 && /(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
