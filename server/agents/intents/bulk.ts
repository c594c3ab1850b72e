import { z } from 'zod';
import { fieldValueProblem } from '../../../shared/fields.js';
import { ItemPatchSchema, NewItemSchema } from '../../../shared/items.js';
import { issueLines } from '../../../shared/zod-issues.js';

/**
 * Bulk operations (AGENT-8: `Perform add_multiple on N items`). The
 * entries arrive in `context.items`; they are checked here, before any agent
 * touches the document, so one bad entry means an error and no change at all.
 */
export const BULK_OPERATIONS = ['add_multiple', 'remove_multiple', 'update_multiple'] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

export function isBulkOperation(value: unknown): value is BulkOperation {
  return typeof value === 'string' && (BULK_OPERATIONS as readonly string[]).includes(value);
}

/** `{type, name, subtitle?, data?}`; the document model's own schema, so both agree. */
export const AddEntrySchema = NewItemSchema;
export const RemoveEntrySchema = z.object({ id: z.string().trim().min(1, 'id is required') });
/** `{id, data}`; name, subtitle and type may change too, but something must. */
export const UpdateEntrySchema = ItemPatchSchema.refine(
  (p) => p.data !== undefined || p.name !== undefined || p.subtitle !== undefined || p.type !== undefined,
  'nothing to update: give data (or name, subtitle, type)',
);

const ENTRY_SCHEMAS = {
  add_multiple: AddEntrySchema,
  remove_multiple: RemoveEntrySchema,
  update_multiple: UpdateEntrySchema,
} as const satisfies Record<BulkOperation, z.ZodType>;

const SHAPES: Record<BulkOperation, string> = {
  add_multiple: '[{type, name, subtitle?, data?}]',
  remove_multiple: '[{id}]',
  update_multiple: '[{id, data: {…}}]',
};

/** Every problem of `items` for `operation`, each naming the entry (`items[2].name: …`). */
export function bulkItemProblems(operation: BulkOperation, items: unknown): string[] {
  const shape = `${operation} needs context.items as ${SHAPES[operation]}`;
  if (items === undefined || items === null) return [`${shape}; none was given`];
  if (!Array.isArray(items)) return [`${shape}; got ${typeof items}`];
  if (items.length === 0) return [`${shape}; the list is empty`];
  const problems: string[] = [];
  items.forEach((entry: unknown, index) => {
    const label = `items[${index}]`;
    const result = ENTRY_SCHEMAS[operation].safeParse(entry);
    if (!result.success) {
      problems.push(
        ...issueLines(
          result.error,
          '',
          (issue, where) => `${label}${where && `.${where}`}: ${issue.message}`,
        ),
      );
      return;
    }
    // The document would refuse these values anyway; say so before anything runs.
    const data = 'data' in result.data ? result.data.data : undefined;
    for (const [field, value] of Object.entries(data ?? {})) {
      const problem = fieldValueProblem(field, value);
      if (problem) problems.push(`${label}.data: ${problem}`);
    }
  });
  return problems;
}
