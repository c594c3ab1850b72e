import { isKnownField } from '../../../shared/fields.js';

/**
 * How people name the data fields (DOC-3). Phrases are in
 * normalized form: lower case, hyphens and underscores as spaces, except the
 * exact field names, which people type from the table headers.
 */
const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  current_stock: [
    'current_stock',
    'current stock',
    'current stock level',
    'stock level',
    'stock on hand',
    'quantity on hand',
    'qty on hand',
    'units on hand',
    'on hand quantity',
    'on hand',
    'units in stock',
    'stock count',
    'inventory level',
    'quantity',
    'qty',
    'stock',
  ],
  reorder_point: [
    'reorder_point',
    'reorder point',
    'reorder level',
    'reorder threshold',
    're order point',
    'rop',
  ],
  max_stock: [
    'max_stock',
    'max stock',
    'maximum stock',
    'max stock level',
    'maximum stock level',
    'maximum',
    'max',
  ],
  min_stock: [
    'min_stock',
    'min stock',
    'minimum stock',
    'min stock level',
    'minimum stock level',
    'minimum',
    'min',
    'safety stock',
  ],
  supplier: ['supplier', 'vendor'],
  unit_cost: ['unit_cost', 'unit cost', 'unit price', 'cost per unit', 'price', 'cost'],
  lead_time_days: ['lead_time_days', 'lead time days', 'lead time in days', 'lead time', 'delivery time'],
  sku: ['sku'],
  category: ['category'],
};

const PHRASE_TO_FIELD = new Map<string, string>();
for (const [field, phrases] of Object.entries(FIELD_SYNONYMS)) {
  for (const phrase of phrases) PHRASE_TO_FIELD.set(phrase, field);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first: at one position the regex takes the first alternative that
// matches, so "max stock level" must be tried before "max" and "stock".
const FIELD_RE = new RegExp(
  `\\b(?:${[...PHRASE_TO_FIELD.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})\\b`,
);

export interface FieldMatch {
  field: string;
  index: number;
  end: number;
}

/** The leftmost field phrase in normalized text, or undefined. */
export function findField(text: string, from = 0): FieldMatch | undefined {
  const match = FIELD_RE.exec(text.slice(from));
  if (!match) return undefined;
  const field = PHRASE_TO_FIELD.get(match[0]);
  if (!field) return undefined;
  const index = from + match.index;
  return { field, index, end: index + match[0].length };
}

/** A field name given by a caller (context.field, an LLM) in its canonical form; unknown names pass through. */
export function canonicalField(raw: string): string {
  const trimmed = raw.trim();
  if (isKnownField(trimmed)) return trimmed;
  const spaced = trimmed.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return PHRASE_TO_FIELD.get(spaced) ?? PHRASE_TO_FIELD.get(spaced.replace(/ /g, '_')) ?? trimmed;
}
