import { z } from 'zod';

/**
 * Known `data` fields and what values they accept. Fields not listed here
 * accept any JSON value: rooms may carry their own columns.
 */
const count = z.number().int().nonnegative();

const KNOWN_FIELDS = {
  sku: z.string().min(1),
  category: z.string(),
  supplier: z.string(),
  current_stock: count,
  min_stock: count,
  max_stock: count,
  reorder_point: count,
  lead_time_days: count,
  unit_cost: z.number().nonnegative(),
  forecast_units: z.number().nonnegative(),
  forecast_horizon_days: count,
  days_of_cover: z.number().nonnegative().nullable(),
  stockout_date: z.string().nullable(),
} as const satisfies Record<string, z.ZodType>;

export type KnownField = keyof typeof KNOWN_FIELDS;

/** Stamped by the document model on every edit; never set directly. */
export const STAMP_FIELDS = ['updated_by', 'updated_at'] as const;

export const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'current_stock',
  'min_stock',
  'max_stock',
  'reorder_point',
  'lead_time_days',
  'unit_cost',
  'forecast_units',
  'forecast_horizon_days',
  'days_of_cover',
]);

export function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(KNOWN_FIELDS, field);
}

/** Why a value is refused for a field, or null when it is fine. */
export function fieldValueProblem(field: string, value: unknown): string | null {
  if (field.length === 0) return 'field name is empty';
  if ((STAMP_FIELDS as readonly string[]).includes(field)) return `${field} is set automatically`;
  if (value === undefined) return `${field} has no value`;
  if (!isKnownField(field)) {
    return z.json().safeParse(value).success ? null : `${field} must be a JSON value`;
  }
  const result = KNOWN_FIELDS[field].safeParse(value);
  if (result.success) return null;
  if (field === 'unit_cost' || field === 'forecast_units') return `${field} must be a number ≥ 0`;
  if (NUMERIC_FIELDS.has(field)) return `${field} must be a whole number ≥ 0`;
  return `${field} must be text`;
}

/**
 * Turns what a person typed into a field's value: numbers for numeric
 * fields, trimmed text otherwise. Returns an error message instead of a
 * value that the document would refuse.
 */
export function parseFieldInput(
  field: string,
  raw: string,
): { ok: true; value: string | number } | { ok: false; error: string } {
  const text = raw.trim();
  if (NUMERIC_FIELDS.has(field)) {
    if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) {
      return { ok: false, error: `${field} must be a number` };
    }
    const value = Number(text);
    const problem = fieldValueProblem(field, value);
    return problem ? { ok: false, error: problem } : { ok: true, value };
  }
  const problem = fieldValueProblem(field, text);
  return problem ? { ok: false, error: problem } : { ok: true, value: text };
}
