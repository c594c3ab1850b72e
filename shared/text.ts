/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" when cut. Never
 * between the halves of a surrogate pair: a lone half is not text (it shows
 * as "�" and is replaced when encoded as UTF-8), and emoji are common in
 * item names and requests.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
