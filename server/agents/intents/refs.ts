import { NUMERIC_FIELDS } from '../../../shared/fields.js';
import { findField } from './fields-vocabulary.js';
import { placeholderValue, restore, type Normalized } from './normalize.js';

/** Which item a request is about (id, SKU or name), and the field/value pairs it names. */

// Names may hold commas ("Microfiber Cloth, Pack of 12"): only a trailing courtesy is cut.
const LEAD_FILLER =
  /^(?:the|this|that|a|an|our|my|item|items|product|inventory|entry|record|sku|id|number|no|with|named|called|of|for|on)(?![\w-])\s*/i;
const TRAIL_FILLER =
  /\s*(?:\b(?:from|off|out of|in) (?:the |my |our )?(?:inventory|board|list|room|stock|catalog(?:ue)?|system|table)|,?\s*\b(?:please|thanks|thank you|now|for me))$/i;
const NOT_A_NAME =
  /^(?:it|them|all|every|everything|that|this|these|those|items?|products?|inventory|stock)$/i;

/** A piece of `cased` as an item reference, with fillers stripped; a lone placeholder wins. */
export function cleanRef(n: Normalized, piece: string): string | undefined {
  const placeholders = piece.match(/__[qr]\d+__/g) ?? [];
  if (placeholders.length === 1) return placeholderValue(n, placeholders[0]!);
  let s = piece.trim();
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(LEAD_FILLER, '').replace(TRAIL_FILLER, '').replace(/'s$/i, '').trim();
  }
  const value = restore(n, s);
  return value && !NOT_A_NAME.test(value) ? value : undefined;
}

/** The reference after the first match of `re`, up to `stop` (exclusive). */
export function refAfter(n: Normalized, re: RegExp, stop?: RegExp): string | undefined {
  const m = re.exec(n.text);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const stopAt = stop?.exec(n.text.slice(start));
  return cleanRef(n, n.cased.slice(start, stopAt ? start + stopAt.index : undefined));
}

const NAME_STOP = String.raw`(?=\s+(?:with|having|and (?:a |an |the )?(?:sku|stock|supplier|price|cost)|of type|(?:to|in|into) (?:the |my |our )?(?:inventory|board|list|catalog))\b|$)`;
const NAMED = new RegExp(
  String.raw`\b(?:named|called|titled|with (?:the )?name|(?:item|product)\s*:)\s+(.+?)${NAME_STOP}`,
);

/** "named Widget X", "called "Blue Bolt"", "item: Widget X". */
export function findNamed(n: Normalized): string | undefined {
  const m = NAMED.exec(n.text);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  return restore(n, n.cased.slice(start, start + m[1]!.length)) || undefined;
}

/** A value as typed: numbers for numeric fields ("40 units" -> 40), text otherwise. */
function typedValue(n: Normalized, field: string, piece: string): string | number | undefined {
  const raw = restore(n, piece.replace(/\s+(?:units?|pcs|pieces|each|please)\b.*$/i, ''));
  if (raw === '') return undefined;
  const num = /^-?\d+(?:\.\d+)?$/.exec(raw);
  return NUMERIC_FIELDS.has(field) && num ? Number(num[0]) : raw;
}

const MARKER = String.raw`\s(?:to|=|:|at|as|becomes?|should be|must be|is)\s+`;

/** "Set <field> of <ref> to <value>", "set <ref>'s <field> to <value>", "<ref> <field> = <value>". */
export function setFieldSlots(
  n: Normalized,
  from: number,
): { ref?: string; field?: string; value?: unknown } {
  const found = findField(n.text, from);
  if (!found) return {};
  const { field } = found;
  const after = n.text.slice(found.end);
  // The first marker suits text values ("to Made to Order"); numbers need the
  // last one when a name holds "to" ("of Back to School Kit to 40").
  const first = new RegExp(`^(.*?)${MARKER}(.+)$`).exec(after);
  const last = new RegExp(`^(.*)${MARKER}(.+)$`).exec(after);
  const numeric = (m: RegExpExecArray | null) => m !== null && /^-?\d/.test(m[2]!);
  const m = NUMERIC_FIELDS.has(field) && !numeric(first) && numeric(last) ? last : first;
  if (!m)
    return {
      field,
      ref: cleanRef(n, n.cased.slice(found.end)) ?? cleanRef(n, n.cased.slice(from, found.index)),
    };
  const valueStart = found.end + m[0].length - m[2]!.length;
  let valuePiece = n.cased.slice(valueStart);
  let ref = cleanRef(n, n.cased.slice(found.end, found.end + m[1]!.length));
  ref ??= cleanRef(n, n.cased.slice(from, found.index));
  const tail = /^(\S+(?:\s+units?)?)\s+(?:for|of|on)\s+(.+)$/.exec(valuePiece); // "to 40 for Blue Bolt"
  if (!ref && tail) {
    ref = cleanRef(n, tail[2]!);
    valuePiece = tail[1]!;
  }
  return { ref, field, value: typedValue(n, field, valuePiece) };
}

/** "with sku WID-1, stock 40 and supplier Acme": data for a new item. */
export function createData(n: Normalized): Record<string, unknown> | undefined {
  const m = /\b(?:with|having)\s+(.+)$/.exec(n.text);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  const data: Record<string, unknown> = {};
  let offset = start;
  for (const part of m[1]!.split(/(\s*,\s*|\s+and\s+)/)) {
    const partStart = offset;
    offset += part.length;
    const units = /^(\d+) units?\b/.exec(part);
    if (units) data['current_stock'] = Number(units[1]);
    const found = findField(part);
    if (!found || found.index > 8) continue; // the field leads its part ("a max stock of 90")
    const rest = /^\s*(?:of|=|:|at|to|set to|is)?\s*(.+)$/.exec(part.slice(found.end));
    if (!rest) continue;
    const value = typedValue(
      n,
      found.field,
      n.cased.slice(partStart + part.length - rest[1]!.length, offset),
    );
    if (value !== undefined) data[found.field] = value;
  }
  return Object.keys(data).length > 0 ? data : undefined;
}
