import { wordsToDigits } from './numbers.js';

/**
 * A request prepared for matching. Quoted strings and ids/SKUs are lifted out
 * first and replaced by placeholders (`__q0__`, `__r0__`), so their words and
 * digits never trigger a rule ("Remove "Low Stock Bin"" removes one item) and
 * their case survives. `cased` and `text` have equal length, so a position
 * found in `text` cuts a name out of `cased` with its capitals and hyphens.
 *
 * Known trade-off: number words in unquoted names become digits ("Widget
 * One" -> "Widget 1"); quoting the name keeps it as typed.
 */
export interface Normalized {
  readonly original: string;
  readonly cased: string;
  readonly text: string;
  readonly quoted: readonly string[];
  readonly refs: readonly string[];
}

const QUOTED = /"([^"]*)"|“([^”]*)”|‘([^’]*)’|(?<![\w'])'([^']+)'(?![\w'])/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// SKUs as the mock data writes them (FAS-1042, ELEC-0007-B) or glued in capitals (FAS1042).
const SKU = /\b[A-Za-z]{2,6}-\d{2,8}(?:-[A-Za-z0-9]{1,8})*\b|\b[A-Z]{2,6}\d{3,8}\b/g;
// Other ids: a letter first, then letters and digits joined by - or _ ("item-7",
// "inv_001"); "2-Ply" or "4-week" start with a digit and stay words.
const OTHER_ID = /(?<![\w-])(?=[\w-]*\d)[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+(?![\w-])/g;

/** A SKU as the data writes them, as opposed to an item id or name. */
export function isSkuLike(ref: string): boolean {
  return /^(?:[A-Za-z]{2,6}-\d{2,8}(?:-[A-Za-z0-9]{1,8})*|[A-Z]{2,6}\d{3,8})$/.test(ref);
}

export function normalize(input: string): Normalized {
  const original = input.trim();
  const quoted: string[] = [];
  const refs: string[] = [];
  let s = original.replace(QUOTED, (...m: (string | undefined)[]) => {
    const value = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (value === '') return ' ';
    quoted.push(value);
    return ` __q${quoted.length - 1}__ `;
  });
  const lift = (ref: string) => {
    refs.push(ref);
    return ` __r${refs.length - 1}__ `;
  };
  s = s.replace(UUID, lift).replace(SKU, lift).replace(OTHER_ID, lift);
  s = s
    .replace(/’/g, "'")
    .replace(/[!?;<>*\\|$€£#~^]/g, ' ')
    .replace(/,/g, ' , ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ') // sentence dots go, decimal points stay
    .replace(/\s*([:=])\s*/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
  s = wordsToDigits(s)
    .replace(/\bre-(order|stock|fill|supply)/gi, 're$1')
    .replace(/\s+/g, ' ')
    .trim();
  // Hyphens, slashes and brackets become spaces in `text` only ("low-stock"
  // matches "low stock"), so names cut from `cased` keep theirs ("All-Purpose
  // Cleaner"). These replacements keep the length, so every index found in
  // `text` fits `cased`.
  const text = s
    .replace(/(?<=[A-Za-z0-9_])-|-(?=[A-Za-z])/g, ' ') // "-5" stays a negative number
    .replace(/[/()[\]{}]/g, ' ') // likewise "Yellow/Black", "Widget (Large)"
    .replace(/./gsu, (c) => {
      const lower = c.toLowerCase();
      return lower.length === c.length ? lower : c;
    });
  return { original, cased: s, text, quoted, refs };
}

/** Puts quoted strings and refs back into a piece of `cased`, and trims the edges. */
export function restore(n: Normalized, piece: string): string {
  return piece
    .replace(/__q(\d+)__/g, (_, i: string) => n.quoted[Number(i)] ?? '')
    .replace(/__r(\d+)__/g, (_, i: string) => n.refs[Number(i)] ?? '')
    .replace(/\s+,/g, ',')
    .replace(/^[\s,:=]+|[\s,:=]+$/g, '')
    .replace(/'s$/i, '');
}

/** The whole piece is one placeholder: its value, else undefined. */
export function placeholderValue(n: Normalized, piece: string): string | undefined {
  const m = /^__([qr])(\d+)__$/.exec(piece.trim());
  if (!m) return undefined;
  return (m[1] === 'q' ? n.quoted : n.refs)[Number(m[2])];
}
