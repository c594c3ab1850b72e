import type { z } from 'zod';

/**
 * Turns a zod error into the lines people read (a refused request, a bad
 * environment variable, a bad CSV row). One place decides how an issue's
 * place is named: its path joined with '.', or `fallbackLabel` when the
 * issue is about the value as a whole (an empty path). Callers that need
 * more than `where: message` (the value that was given, a different
 * separator) pass `line`.
 */

export type IssueLine = (issue: z.core.$ZodIssue, where: string) => string;

const defaultLine: IssueLine = (issue, where) => (where ? `${where}: ${issue.message}` : issue.message);

export function issueLines(error: z.ZodError, fallbackLabel = '', line: IssueLine = defaultLine): string[] {
  return error.issues.map((issue) => line(issue, issue.path.map(String).join('.') || fallbackLabel));
}

/** The issues as one line, `; ` between them. */
export function formatIssues(error: z.ZodError, fallbackLabel = '', line: IssueLine = defaultLine): string {
  return issueLines(error, fallbackLabel, line).join('; ');
}
