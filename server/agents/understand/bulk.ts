import { BulkStepSchema, type UnderstandOutcome } from '../../../shared/plan/index.js';

/**
 * The bulk context operations (AGENT-8): `context.operation` decides, the
 * text ("Perform add_multiple on 3 items") only names it. One bad entry
 * refuses the whole request, naming the entry.
 */
export function bulkOutcome(
  text: string,
  context: Readonly<Record<string, unknown>>,
): UnderstandOutcome | undefined {
  const operation = context['operation'];
  if (operation !== 'add_multiple' && operation !== 'remove_multiple' && operation !== 'update_multiple')
    return undefined;
  const parsed = BulkStepSchema.safeParse({ kind: 'bulk', writes: true, operation, items: context['items'] });
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'not_understood',
      understood: `${operation} with context.items`,
      unclear: parsed.error.issues.slice(0, 10).map((i) => `context.${pathOf(i.path)}: ${messageOf(i)}`),
      suggestions: [],
    };
  }
  void text;
  const step = parsed.data;
  return {
    ok: true,
    plan: { steps: [step], atomic: true, summary: `${operation} on ${step.items.length} items` },
  };
}

/** `items[2].name`, as the entry is written in the request. */
function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'items';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function messageOf(issue: { code: string; message: string; input?: unknown }): string {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
}
