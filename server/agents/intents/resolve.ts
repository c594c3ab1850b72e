import { fieldValueProblem, NUMERIC_FIELDS } from '../../../shared/fields.js';
import { issueLines } from '../../../shared/zod-issues.js';
import { bulkItemProblems, isBulkOperation } from './bulk.js';
import { applyContext, type Draft } from './context.js';
import { canonicalField } from './fields-vocabulary.js';
import type { IntentContext } from './parser.js';
import { IntentSchema, type Intent, type IntentKind } from './schema.js';

/**
 * Turns a draft into a typed intent: context first, then field names and
 * values in canonical form, then zod. Shared by both parsers so a request
 * means the same whichever one read it.
 */
export type Resolution =
  { ok: true; intent: Intent; problems: string[] } | { ok: false; kind: IntentKind; issues: string[] };

/** Slot the rule parser may set to the count a bulk request states ("on 3 items"). */
export const STATED_COUNT = '_stated_count';

function coerceValue(field: string, value: unknown): unknown {
  if (!NUMERIC_FIELDS.has(field) || typeof value !== 'string') return value;
  const text = value.trim().replace(/\s*(?:units?|pcs|pieces)$/i, '');
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : value;
}

function dataProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([field, value]) => {
    const problem = fieldValueProblem(field, value);
    return problem ? [problem] : [];
  });
}

export function resolveDraft(draft: Draft, context: IntentContext = {}): Resolution {
  const { kind, slots } = applyContext(draft, context);
  const candidate: Record<string, unknown> = { ...slots, kind };
  const problems: string[] = [];

  if (kind === 'bulk' && isBulkOperation(slots['operation'])) {
    const items = slots['items'];
    problems.push(...bulkItemProblems(slots['operation'], items));
    const stated = slots[STATED_COUNT];
    if (
      problems.length === 0 &&
      typeof stated === 'number' &&
      Array.isArray(items) &&
      stated !== items.length
    ) {
      problems.push(`the request says ${stated} items but context.items holds ${items.length}`);
    }
    // Nothing may run on a bad list: the agent sees an empty one and the problems.
    if (problems.length > 0) candidate['items'] = [];
  }
  if (kind === 'set_field' && typeof slots['field'] === 'string') {
    const field = canonicalField(slots['field']);
    candidate['field'] = field;
    candidate['value'] = coerceValue(field, slots['value']);
    if (candidate['value'] !== undefined) {
      const problem = fieldValueProblem(field, candidate['value']);
      if (problem) problems.push(problem);
    }
  }
  if (kind === 'create_item') problems.push(...dataProblems(slots['data']));

  const result = IntentSchema.safeParse(candidate);
  if (!result.success) {
    return { ok: false, kind, issues: issueLines(result.error, kind) };
  }
  return { ok: true, intent: result.data, problems };
}
