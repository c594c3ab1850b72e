/**
 * Numbers written as words become digits ("twenty-five" -> 25, "a dozen" ->
 * 12), so slot extraction only ever looks for digits. Case is kept for the
 * words around them; the length of the text changes, so run this before
 * any positions are taken.
 */
// Maps, not plain objects: the words come from the user, and `constructor` or `__proto__` must not match.
const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const SCALES = new Map<string, number>(Object.entries({ hundred: 100, thousand: 1000, dozen: 12 }));

// Idioms first; "a few" is 3 by convention (the smallest count people mean by it).
const IDIOMS: readonly [RegExp, string][] = [
  [/\bhalf a dozen\b/gi, '6'],
  [/\b(?:a )?couple(?: of)?\b/gi, '2'],
  [/\ba pair of\b/gi, '2'],
  [/\ba few\b/gi, '3'],
];

const isWord = (w: string) => UNITS.has(w) || TENS.has(w);
const isScale = (w: string) => SCALES.has(w);

/** Replaces every run of number words in `text` by its value in digits. */
export function wordsToDigits(text: string): string {
  let out = text;
  for (const [re, value] of IDIOMS) out = out.replace(re, value);
  const tokens = out.split(' ');
  const result: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = readNumber(tokens, i);
    if (read) {
      result.push(String(read.value));
      i = read.next;
    } else {
      result.push(tokens[i]!);
      i += 1;
    }
  }
  return result.join(' ');
}

/** Parses the number that starts at tokens[start], if one does. */
function readNumber(tokens: readonly string[], start: number): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let i = start;
  while (i < tokens.length) {
    const word = tokens[i]!.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase() ?? '';
    const parts = word.split('-');
    if (parts.length > 1 && parts.every(isWord)) {
      // "twenty-five"
      current += parts.reduce((sum, p) => sum + (UNITS.get(p) ?? TENS.get(p) ?? 0), 0);
    } else if (isWord(word)) {
      current += UNITS.get(word) ?? TENS.get(word) ?? 0;
    } else if (/^\d+$/.test(word) && !seen && isScale(next)) {
      current = Number(word); // "2 dozen", "3 hundred"
    } else if ((word === 'a' || word === 'an') && !seen && isScale(next)) {
      current = 1; // "a dozen", "a hundred"
    } else if (isScale(word) && seen) {
      const scale = SCALES.get(word)!;
      if (scale === 1000) {
        total += (current || 1) * scale;
        current = 0;
      } else current = (current || 1) * scale;
    } else if (word === 'and' && seen && (isWord(next) || isScale(next))) {
      // "one hundred and twenty"
    } else break;
    seen = true;
    i += 1;
  }
  return seen ? { value: total + current, next: i } : undefined;
}
