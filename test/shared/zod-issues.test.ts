import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, issueLines } from '../../shared/zod-issues.js';

const Body = z.object({ input: z.string().min(1, 'must not be blank'), n: z.object({ k: z.number() }) });

function errorOf(value: unknown): z.ZodError {
  const result = Body.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error;
}

describe('formatIssues', () => {
  it('names each issue by its path, joined with dots', () => {
    expect(issueLines(errorOf({ input: '', n: { k: 'x' } }))).toEqual([
      'input: must not be blank',
      'n.k: Invalid input: expected number, received string',
    ]);
  });

  it('uses the fallback label for an issue about the whole value, and none without one', () => {
    expect(formatIssues(errorOf('text'), 'user_request')).toMatch(/^user_request: /);
    expect(formatIssues(errorOf('text'))).not.toContain(':  ');
    expect(formatIssues(errorOf('text'))).toBe(errorOf('text').issues[0]!.message);
  });

  it('joins issues with "; " and lets a caller shape each line', () => {
    const error = errorOf({ input: '', n: { k: 1 }, extra: 1 });
    expect(formatIssues(errorOf({ input: '', n: {} }))).toContain('; ');
    expect(formatIssues(error, '', (issue, where) => `${where} ${issue.message}`)).toBe(
      'input must not be blank',
    );
  });
});
