import * as Y from 'yjs';
import { z } from 'zod';
import { fieldValueProblem } from './fields.js';
import { updatedByOf, type WriteOrigin } from './origins.js';

/**
 * The room document (DOC-1…DOC-6, docs/PROTOCOL.md):
 *   doc.getMap('items'): item id -> Y.Map { id, type, name, subtitle, data: Y.Map }
 * The functions below are the only ones that write it. Each validates its
 * whole input first, then writes in ONE transaction tagged with a typed
 * origin, stamping data.updated_by / data.updated_at on every item it touches.
 */
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

export function itemsOf(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(ITEMS_KEY);
}

export function isLowStock(data: Readonly<Record<string, unknown>>): boolean {
  const stock = data['current_stock'];
  const reorder = data['reorder_point'];
  return typeof stock === 'number' && typeof reorder === 'number' && stock <= reorder;
}

/**
 * A peer with write access can put anything under `items`; readers skip
 * entries that are not item maps rather than fail the whole room.
 */
export function isItemMap(value: unknown): value is ItemMap {
  return value instanceof Y.Map;
}

export function readItem(item: ItemMap): Item {
  const json = item.toJSON() as Partial<Item>;
  return {
    ...json,
    id: typeof json.id === 'string' ? json.id : '',
    type: typeof json.type === 'string' ? json.type : '',
    name: typeof json.name === 'string' ? json.name : '',
    subtitle: typeof json.subtitle === 'string' ? json.subtitle : '',
    data: json.data !== null && typeof json.data === 'object' && !Array.isArray(json.data) ? json.data : {},
  };
}

export function getItem(doc: Y.Doc, id: string): Item | undefined {
  const item: unknown = itemsOf(doc).get(id);
  return isItemMap(item) ? readItem(item) : undefined;
}

export function listItems(doc: Y.Doc): Item[] {
  const out: Item[] = [];
  itemsOf(doc).forEach((item: unknown) => {
    if (isItemMap(item)) out.push(readItem(item));
  });
  return out;
}

export function dataOf(item: unknown): Y.Map<unknown> | undefined {
  if (!isItemMap(item)) return undefined;
  const data = item.get('data');
  return data instanceof Y.Map ? data : undefined;
}

function newId(): string {
  // randomUUID exists only in secure contexts; a page served over plain HTTP on a LAN address lacks it.
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function stamp(origin: WriteOrigin, at: Date): Record<string, string> {
  return { updated_by: updatedByOf(origin), updated_at: at.toISOString() };
}

function dataProblems(label: string, data: Readonly<Record<string, unknown>> | undefined): string[] {
  if (!data) return [];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(data)) {
    const problem = fieldValueProblem(field, value);
    if (problem) problems.push(`${label}: ${problem}`);
  }
  return problems;
}

function parseNewItems(doc: Y.Doc, inputs: readonly NewItem[]) {
  const items = itemsOf(doc);
  const problems: string[] = [];
  const seen = new Set<string>();
  const parsed = inputs.map((input, index) => {
    const label = `item ${index + 1}`;
    const result = NewItemSchema.safeParse(input);
    if (!result.success) {
      problems.push(
        ...result.error.issues.map((i) => `${label}: ${i.path.join('.') || 'item'} ${i.message}`),
      );
      return undefined;
    }
    const value = { ...result.data, id: result.data.id ?? newId() };
    if (items.has(value.id) || seen.has(value.id)) problems.push(`${label}: id ${value.id} already exists`);
    seen.add(value.id);
    problems.push(...dataProblems(label, value.data));
    return value;
  });
  if (problems.length > 0) throw new ItemValidationError(problems);
  return parsed as NonNullable<(typeof parsed)[number]>[];
}

function buildItem(
  input: {
    id: string;
    type: string;
    name: string;
    subtitle?: string | undefined;
    data?: JsonRecord | undefined;
  },
  stamps: Record<string, string>,
): ItemMap {
  const data = new Y.Map<unknown>(Object.entries({ ...input.data, ...stamps }));
  return new Y.Map<unknown>([
    ['id', input.id],
    ['type', input.type],
    ['name', input.name],
    ['subtitle', input.subtitle ?? ''],
    ['data', data],
  ]);
}

/** Adds all items in one transaction; returns their ids in input order. */
export function addItems(
  doc: Y.Doc,
  inputs: readonly NewItem[],
  origin: WriteOrigin,
  at = new Date(),
): string[] {
  const parsed = parseNewItems(doc, inputs);
  const stamps = stamp(origin, at);
  const items = itemsOf(doc);
  doc.transact(() => {
    for (const input of parsed) items.set(input.id, buildItem(input, stamps));
  }, origin);
  return parsed.map((p) => p.id);
}

export function addItem(doc: Y.Doc, input: NewItem, origin: WriteOrigin, at = new Date()): string {
  return addItems(doc, [input], origin, at)[0]!;
}

/**
 * Adds the items whose ids are not in the document yet; existing ones are left
 * alone. Ids are required, which makes concurrent seeding by two peers converge
 * to one copy of each item (the map key is the id).
 */
export function addMissingItems(
  doc: Y.Doc,
  inputs: readonly (NewItem & { id: string })[],
  origin: WriteOrigin,
  at = new Date(),
): string[] {
  const items = itemsOf(doc);
  return addItems(
    doc,
    inputs.filter((input) => !items.has(input.id)),
    origin,
    at,
  );
}

/** Removes all of them in one transaction, or none when any id is unknown. */
export function removeItems(doc: Y.Doc, ids: readonly string[], origin: WriteOrigin): Item[] {
  const items = itemsOf(doc);
  const unknown = ids.filter((id) => !items.has(id));
  if (unknown.length > 0) throw new ItemValidationError(unknown.map((id) => `no item with id ${id}`));
  const removed: Item[] = [];
  doc.transact(() => {
    for (const id of new Set(ids)) {
      const item: unknown = items.get(id);
      if (isItemMap(item)) removed.push(readItem(item));
      items.delete(id);
    }
  }, origin);
  return removed;
}

export function removeItem(doc: Y.Doc, id: string, origin: WriteOrigin): Item {
  return removeItems(doc, [id], origin)[0]!;
}

/** One field that an update actually changed. */
export interface FieldChange {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

function patchProblems(doc: Y.Doc, patches: readonly ItemPatch[]): string[] {
  const items = itemsOf(doc);
  const problems: string[] = [];
  patches.forEach((patch, index) => {
    const label = `update ${index + 1}`;
    const result = ItemPatchSchema.safeParse(patch);
    if (!result.success) {
      problems.push(
        ...result.error.issues.map((i) => `${label}: ${i.path.join('.') || 'update'} ${i.message}`),
      );
      return;
    }
    const item = items.get(result.data.id);
    if (!item) problems.push(`${label}: no item with id ${result.data.id}`);
    else if (!dataOf(item)) problems.push(`${label}: item ${result.data.id} has no data map`);
    problems.push(...dataProblems(`${label} (${result.data.id})`, result.data.data));
  });
  return problems;
}

/**
 * Applies field-level patches in one transaction. Only fields whose value
 * differs are written, so two people editing different fields of one item
 * never overwrite each other.
 */
export function updateItems(
  doc: Y.Doc,
  patches: readonly ItemPatch[],
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  const problems = patchProblems(doc, patches);
  if (problems.length > 0) throw new ItemValidationError(problems);
  const items = itemsOf(doc);
  const stamps = stamp(origin, at);
  const changes: FieldChange[] = [];
  doc.transact(() => {
    for (const patch of patches) {
      const item = items.get(patch.id)!;
      const data = dataOf(item)!;
      let touched = false;
      for (const key of ['type', 'name', 'subtitle'] as const) {
        const value = patch[key];
        if (value === undefined || item.get(key) === value) continue;
        changes.push({ id: patch.id, field: key, before: item.get(key), after: value });
        item.set(key, value);
        touched = true;
      }
      for (const [field, value] of Object.entries((patch.data ?? {}) as Record<string, unknown>)) {
        const before = data.get(field);
        if (sameJson(before, value)) continue;
        changes.push({ id: patch.id, field, before, after: value });
        data.set(field, value);
        touched = true;
      }
      if (touched) for (const [field, value] of Object.entries(stamps)) data.set(field, value);
    }
  }, origin);
  return changes;
}

export function setFields(
  doc: Y.Doc,
  id: string,
  fields: JsonRecord,
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  return updateItems(doc, [{ id, data: fields }], origin, at);
}

/** Removes data fields (e.g. when undoing an edit that added them), in one transaction. */
export function clearFields(
  doc: Y.Doc,
  id: string,
  fields: readonly string[],
  origin: WriteOrigin,
  at = new Date(),
): FieldChange[] {
  const item = itemsOf(doc).get(id);
  const data = item && dataOf(item);
  if (!data) throw new ItemValidationError([`no item with id ${id}`]);
  const changes: FieldChange[] = [];
  doc.transact(() => {
    for (const field of fields) {
      if (!data.has(field)) continue;
      changes.push({ id, field, before: data.get(field), after: undefined });
      data.delete(field);
    }
    if (changes.length > 0)
      for (const [field, value] of Object.entries(stamp(origin, at))) data.set(field, value);
  }, origin);
  return changes;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
