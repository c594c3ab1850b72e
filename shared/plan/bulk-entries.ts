import { z } from 'zod';
import { ItemPatchSchema, NewItemSchema } from '../items.js';

/**
 * Entries of the bulk context operations (AGENT-8): `add_multiple` takes
 * new items, `remove_multiple` ids, `update_multiple` patches. The document
 * model's own schemas, so plan and document agree.
 */
export const AddEntrySchema = NewItemSchema;
export const RemoveEntrySchema = z.object({ id: z.string().trim().min(1, 'id is required') });
export const UpdateEntrySchema = ItemPatchSchema.refine(
  (p) => p.data !== undefined || p.name !== undefined || p.subtitle !== undefined || p.type !== undefined,
  'nothing to update: give data (or name, subtitle, type)',
);
