import type { Token } from './tokens.js';

/**
 * Numbers as people type them: digits (`40`, `1,200`, `4.5`, `10%`) and
 * words (`forty`, `twenty-five`, `a dozen`, `two hundred and fifty`,
 * `a couple of`). Each number found is a span of tokens with its value.
 */
const UNITS = new Map<string, number>(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((w, i) => [w, i]),
);
const TENS = new Map<string, number>(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [
    w,
    20 + 10 * i,
  ]),
);
const SCALES = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1000],
  ['k', 1000],
]);
/** Idioms, longest first: the words and their value. "a few" is 3, the least people mean by it. */
const IDIOMS: readonly [readonly string[], number][] = [
  [['half', 'a', 'dozen'], 6],
  [['a', 'couple', 'of'], 2],
  [['a', 'couple'], 2],
  [['couple', 'of'], 2],
  [['a', 'pair', 'of'], 2],
  [['a', 'few'], 3],
  [['a', 'dozen'], 12],
  [['dozen'], 12],
  [['a', 'hundred'], 100],
  [['a', 'thousand'], 1000],
];

/** Number words, so the typo corrector never turns "three" into "there". */
export const NUMBER_WORDS: readonly string[] = [
  ...UNITS.keys(),
  ...TENS.keys(),
  'hundred',
  'thousand',
  'dozen',
  'couple',
  'pair',
  'few',
];

export interface NumberSpan {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly pct: boolean;
}

/** The value of one number word (`seven`, `forty`, `twenty-five`), if it is one. */
export function wordValue(word: string): number | undefined {
  const parts = word.split('-');
  if (parts.length === 2 && TENS.has(parts[0]!) && UNITS.has(parts[1]!)) {
    return TENS.get(parts[0]!)! + UNITS.get(parts[1]!)!;
  }
  return UNITS.get(word) ?? TENS.get(word);
}

/** Every number in `tokens`, left to right, not overlapping. */
export function findNumbers(tokens: readonly Token[]): NumberSpan[] {
  const out: NumberSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = readAt(tokens, i);
    if (!found) {
      i += 1;
      continue;
    }
    // "10 %" or "10 percent" makes a percentage.
    let { end, pct } = found;
    const next = tokens[end]?.norm;
    if (!pct && (next === '%' || next === 'percent' || next === 'pct')) {
      pct = true;
      end += 1;
    } else if (!pct && next === 'per' && tokens[end + 1]?.norm === 'cent') {
      pct = true;
      end += 2;
    }
    out.push({ start: i, end, value: found.value, pct });
    i = end;
  }
  return out;
}

function readAt(
  tokens: readonly Token[],
  start: number,
): { end: number; value: number; pct: boolean } | undefined {
  const t = tokens[start]!;
  if (t.kind === 'number') {
    const pct = t.norm.endsWith('%');
    let value = Number(t.norm.replace('%', ''));
    let end = start + 1;
    const scale = SCALES.get(tokens[end]?.norm ?? '');
    if (scale) {
      value *= scale;
      end += 1;
    } else if (tokens[end]?.norm === 'dozen') {
      value *= 12;
      end += 1;
    }
    return Number.isFinite(value) ? { end, value, pct } : undefined;
  }
  for (const [words, value] of IDIOMS) {
    if (words.every((w, k) => tokens[start + k]?.norm === w))
      return { end: start + words.length, value, pct: false };
  }
  return readWords(tokens, start);
}

/** "two hundred and fifty", "twenty five", "three thousand". */
function readWords(
  tokens: readonly Token[],
  start: number,
): { end: number; value: number; pct: boolean } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let i = start;
  while (i < tokens.length) {
    const w = tokens[i]!.norm;
    const value = wordValue(w);
    if (value !== undefined && !(seen && current % 100 !== 0 && current >= 20 && value >= 10)) {
      if (seen && current % 10 !== 0 && current < 100) break; // "five six" is two numbers
      current += value;
    } else if (seen && SCALES.has(w)) {
      const scale = SCALES.get(w)!;
      if (scale >= 1000) {
        total += (current || 1) * scale;
        current = 0;
      } else current = (current || 1) * scale;
    } else if (seen && w === 'dozen') {
      current = (current || 1) * 12;
    } else if (seen && w === 'and' && wordValue(tokens[i + 1]?.norm ?? '') !== undefined && current >= 100) {
      // "two hundred and fifty"
    } else break;
    seen = true;
    i += 1;
  }
  return seen ? { end: i, value: total + current, pct: false } : undefined;
}
