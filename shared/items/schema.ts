import type * as Y from 'yjs';
import { z } from 'zod';

/** The item schemas and the types every reader and writer of the room document shares. */
export const ITEMS_KEY = 'items';

export type ItemMap = Y.Map<unknown>;
export type ItemsMap = Y.Map<ItemMap>;

export const JsonRecordSchema = z.record(z.string(), z.json());
export type JsonRecord = z.infer<typeof JsonRecordSchema>;

export const ItemSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string(),
  subtitle: z.string(),
  data: JsonRecordSchema,
});
export type Item = z.infer<typeof ItemSchema>;

/** What a caller gives to create an item; the id is generated when absent. */
export const NewItemSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  type: z.string().trim().min(1).default('inventory'),
  name: z.string().trim().min(1, 'name is required'),
  subtitle: z.string().optional(),
  data: JsonRecordSchema.optional(),
});
/** `data` is checked field by field at run time, so typed row objects (interfaces) are accepted as they are. */
export type NewItem = Omit<z.input<typeof NewItemSchema>, 'data'> & { data?: object | undefined };

export const ItemPatchSchema = z.object({
  id: z.string().min(1),
  type: z.string().trim().min(1).optional(),
  name: z.string().trim().min(1).optional(),
  subtitle: z.string().optional(),
  data: JsonRecordSchema.optional(),
});
export type ItemPatch = Omit<z.input<typeof ItemPatchSchema>, 'data'> & { data?: object | undefined };

/** Thrown before any write when an input would be refused; nothing changed. */
export class ItemValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ItemValidationError';
  }
}

export const STAMP_KEYS: ReadonlySet<string> = new Set(['updated_by', 'updated_at']);
