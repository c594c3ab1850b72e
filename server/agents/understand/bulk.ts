import { fieldValueProblem } from '../../../shared/fields.js';
import { BulkStepSchema, type UnderstandOutcome } from '../../../shared/plan/index.js';
import { issueLines } from '../../../shared/zod-issues.js';

/**
 * The bulk context operations (AGENT-8): `context.operation` decides, the
 * text ("Perform add_multiple on 3 items") only names it. One bad entry
 * (a wrong shape, or a field value the document would refuse) refuses the
 * whole request, naming the entry.
 */
export function bulkOutcome(context: Readonly<Record<string, unknown>>): UnderstandOutcome | undefined {
  const operation = context['operation'];
  if (operation !== 'add_multiple' && operation !== 'remove_multiple' && operation !== 'update_multiple') {
    return undefined;
  }
  const parsed = BulkStepSchema.safeParse({ kind: 'bulk', writes: true, operation, items: context['items'] });
  const problems = parsed.success
    ? valueProblems(parsed.data.items)
    : issueLines(parsed.error, 'items', (issue) => `context.${pathOf(issue.path)}: ${messageOf(issue)}`);
  if (!parsed.success || problems.length > 0) {
    return {
      ok: false,
      reason: 'not_understood',
      understood: `${operation} with context.items`,
      unclear: problems.slice(0, 10),
      suggestions: [],
    };
  }
  const step = parsed.data;
  return {
    ok: true,
    plan: { steps: [step], atomic: true, summary: `${operation} on ${step.items.length} items` },
  };
}

/** Field values the document would refuse (a negative stock, text for a number). */
function valueProblems(items: readonly object[]): string[] {
  return items.flatMap((entry, i) => {
    const data = 'data' in entry && entry.data && typeof entry.data === 'object' ? entry.data : {};
    return Object.entries(data).flatMap(([field, value]) => {
      const problem = fieldValueProblem(field, value);
      return problem ? [`context.items[${i}].data: ${problem}`] : [];
    });
  });
}

/** `items[2].name`, as the entry is written in the request. */
function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'items';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function messageOf(issue: { code: string; message: string; input?: unknown }): string {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
}
