import type * as Y from 'yjs';
import { fieldValueProblem } from '../fields.js';
import { updatedByOf, type WriteOrigin } from '../origins.js';
import { issueLines } from '../zod-issues.js';
import { dataOf, itemsOf } from './read.js';
import {
  ItemPatchSchema,
  ItemValidationError,
  NewItemSchema,
  type ItemPatch,
  type NewItem,
} from './schema.js';

/**
 * What every write does before it touches the document: validate the whole
 * input (so a refused write changes nothing), give new items ids, and build
 * the updated_by / updated_at stamps. Internal to shared/items/.
 */

function newId(): string {
  // randomUUID exists only in secure contexts; a page served over plain HTTP on a LAN address lacks it.
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function stamp(origin: WriteOrigin, at: Date): Record<string, string> {
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

export function parseNewItems(doc: Y.Doc, inputs: readonly NewItem[]) {
  const items = itemsOf(doc);
  const problems: string[] = [];
  const seen = new Set<string>();
  const parsed = inputs.map((input, index) => {
    const label = `item ${index + 1}`;
    const result = NewItemSchema.safeParse(input);
    if (!result.success) {
      problems.push(...issueLines(result.error, 'item').map((line) => `${label}: ${line}`));
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

export function patchProblems(doc: Y.Doc, patches: readonly ItemPatch[]): string[] {
  const items = itemsOf(doc);
  const problems: string[] = [];
  patches.forEach((patch, index) => {
    const label = `update ${index + 1}`;
    const result = ItemPatchSchema.safeParse(patch);
    if (!result.success) {
      problems.push(...issueLines(result.error, 'update').map((line) => `${label}: ${line}`));
      return;
    }
    const item = items.get(result.data.id);
    if (!item) problems.push(`${label}: no item with id ${result.data.id}`);
    else if (!dataOf(item)) problems.push(`${label}: item ${result.data.id} has no data map`);
    problems.push(...dataProblems(`${label} (${result.data.id})`, result.data.data));
  });
  return problems;
}
