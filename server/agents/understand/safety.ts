import { PlanSchema, type Plan, type Selector } from '../../../shared/plan/index.js';

/**
 * Safety rules over a plan, whoever produced it (the parser, an LLM): the
 * executor runs these before any write (STYLE 18). A plan that breaks one is
 * refused whole.
 *
 * - NLU-2: a request asked as a question has no write step.
 * - NLU-8: a write names its scope; "all" only when the request says so;
 *   every named item is resolved (no ambiguous name is ever written) and
 *   was said in the request.
 * - NLU-9: a request with a negation ("except", "but not", "don't") that
 *   writes carries an exclusion or a negated condition.
 */
const QUESTION_START =
  /^\s*(?:what|what's|whats|which|how|when|who|whose|why|should|shall|is|are|does|do|did|was|were|will|any|tell me|show|list)\b/i;
const POLITE_ASK = /^\s*(?:can|could|would|will)\s+(?:you|u)\b|^\s*please\b/i;
const ALL_WORDS = /\b(?:all|every|everything|each|whole|entire)\b/i;
const NEGATION =
  /\b(?:except|excluding|exclude|other than|apart from|besides|but not|not|don'?t|do not|never|keep|leave|skip|without|minus)\b|n't\b/i;

/** The request reads as a question: a question word first, or a "?" that is not a polite "can you …?". */
export function isQuestionText(text: string): boolean {
  if (POLITE_ASK.test(text)) return false;
  return QUESTION_START.test(text) || /\?\s*$/.test(text);
}

export function planSafetyProblems(plan: Plan, request?: string): string[] {
  const problems: string[] = [];
  const parsed = PlanSchema.safeParse(plan);
  if (!parsed.success) return parsed.error.issues.map((i) => `plan.${i.path.join('.')}: ${i.message}`);
  const writes = plan.steps.filter((s) => s.writes);
  if (request !== undefined && writes.length > 0 && isQuestionText(request)) {
    problems.push(`a question must not write (steps: ${writes.map((s) => s.kind).join(', ')})`);
  }
  plan.steps.forEach((step, i) => {
    if (!step.writes || !('selector' in step)) return;
    problems.push(...selectorProblems(step.selector, `steps[${i}] ${step.kind}`, request));
  });
  if (request !== undefined && writes.length > 0 && NEGATION.test(request)) {
    const excludes = writes.some((s) => 'selector' in s && hasExclusion(s.selector));
    const undoLike = writes.every(
      (s) => s.kind === 'undo' || s.kind === 'remove_recent' || s.kind === 'add_items',
    );
    if (!excludes && !undoLike) problems.push('the request has a negation but no write excludes anything');
  }
  return problems;
}

function hasExclusion(s: Selector): boolean {
  const ex = s.exclude;
  return ex.items.length + ex.categories.length + ex.suppliers.length + ex.conditions.length > 0;
}

function selectorProblems(s: Selector, where: string, request?: string): string[] {
  const out: string[] = [];
  const filters = s.categories.length + s.suppliers.length + s.conditions.length;
  if (s.items.length === 0 && filters === 0 && !s.all) out.push(`${where}: names no items`);
  if (s.all && s.items.length === 0 && filters === 0 && request !== undefined && !ALL_WORDS.test(request)) {
    out.push(`${where}: writes to every item but the request never said "all"`);
  }
  for (const ref of s.items) {
    if (ref.status !== 'resolved') out.push(`${where}: "${ref.said}" matches several items`);
    else if (request !== undefined && ref.by !== 'context' && !saidIn(ref.said, request)) {
      out.push(`${where}: item ${ref.id} was not named in the request`);
    }
  }
  return out;
}

function saidIn(said: string, request: string): boolean {
  return request.toLowerCase().includes(said.toLowerCase());
}

export class UnsafePlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`unsafe plan: ${problems.join('; ')}`);
    this.name = 'UnsafePlanError';
  }
}

/** Throws UnsafePlanError when the plan breaks a rule; the caller changes nothing. */
export function assertPlanSafe(plan: Plan, request?: string): void {
  const problems = planSafetyProblems(plan, request);
  if (problems.length > 0) throw new UnsafePlanError(problems);
}
