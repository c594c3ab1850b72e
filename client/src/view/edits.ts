import { parseFieldInput } from '../../../shared/fields.js';
import {
  addItem,
  ItemValidationError,
  removeItem,
  updateItems,
  type ItemPatch,
  type JsonRecord,
} from '../../../shared/items.js';
import type { Room } from '../sync/room.js';
import { TOP_LEVEL_FIELDS } from './columns.js';

/** Every write of the board goes through shared/items.ts with this tab's origin. */
type Writer = Pick<Room, 'doc' | 'origin' | 'undo'>;

export type EditResult = { ok: true; id: string } | { ok: false; error: string };

/** Turns typed text into a field value, or says why it is refused; nothing is written. */
export function parseEdit(
  field: string,
  raw: string,
): { ok: true; value: string | number } | { ok: false; error: string } {
  if (TOP_LEVEL_FIELDS.has(field)) {
    const text = raw.trim();
    return text ? { ok: true, value: text } : { ok: false, error: `${field} must not be empty` };
  }
  const parsed = parseFieldInput(field, raw);
  if (!parsed.ok && raw.trim() === '') return { ok: false, error: `${field} must not be empty` };
  return parsed;
}

/** Commits one inline edit as its own undo step; a refused value changes nothing. */
export function commitField(room: Writer, itemId: string, field: string, raw: string): EditResult {
  const parsed = parseEdit(field, raw);
  if (!parsed.ok) return parsed;
  const patch: ItemPatch = TOP_LEVEL_FIELDS.has(field)
    ? { id: itemId, [field]: parsed.value }
    : { id: itemId, data: { [field]: parsed.value } };
  return guarded(() => {
    updateItems(room.doc, [patch], room.origin);
    room.undo.endStep();
    return itemId;
  });
}

export function removeRow(room: Writer, itemId: string): EditResult {
  return guarded(() => {
    removeItem(room.doc, itemId, room.origin);
    room.undo.endStep();
    return itemId;
  });
}

export interface NewItemForm {
  name: string;
  type: string;
  /** data field -> typed text; blank entries are left out. */
  fields: Record<string, string>;
}

export function addFromForm(room: Writer, form: NewItemForm): EditResult {
  const name = form.name.trim();
  if (!name) return { ok: false, error: 'Give the item a name' };
  const data: JsonRecord = {};
  for (const [field, raw] of Object.entries(form.fields)) {
    if (raw.trim() === '') continue;
    const parsed = parseEdit(field, raw);
    if (!parsed.ok) return parsed;
    data[field] = parsed.value;
  }
  return guarded(() => {
    const id = addItem(room.doc, { name, type: form.type.trim() || 'inventory', data }, room.origin);
    room.undo.endStep();
    return id;
  });
}

/** The document model validates again before writing; its refusal becomes a message, not a crash. */
function guarded(write: () => string): EditResult {
  try {
    return { ok: true, id: write() };
  } catch (error) {
    if (error instanceof ItemValidationError) return { ok: false, error: error.problems.join('; ') };
    throw error;
  }
}
