import { describe, expect, it } from 'vitest';
import { ItemValidationError } from '../../../shared/items.js';
import { affectedOf, emptyAffected } from '../../../server/requests/affected.js';
import { CancelledError, RequestError } from '../../../server/agents/errors.js';
import { describeFailure } from '../../../server/requests/failure.js';

const edited = { added: ['n1'], removed: [], updated: ['i1'] };

describe('describeFailure (PROG-6: every request ends with one complete or error; PROG-9, PROG-17)', () => {
  it('a cancel says whether edits were kept, and is remembered', () => {
    expect(describeFailure(new CancelledError(), emptyAffected())).toEqual({
      message: 'Cancelled',
      data: { reason: 'cancelled', affected: emptyAffected() },
      internal: false,
      remember: { outcome: 'cancelled', message: 'cancelled' },
    });
    expect(describeFailure(new CancelledError(), edited).message).toBe(
      'Cancelled; edits made so far are kept',
    );
  });

  it('a refusal carries its reason and details, a finer reason in the details winning; not remembered', () => {
    const plain = describeFailure(new RequestError('No item x', 'not_found'), emptyAffected());
    expect(plain).toEqual({
      message: 'No item x',
      data: { reason: 'not_found', affected: emptyAffected() },
      internal: false,
    });
    const finer = describeFailure(
      new RequestError('Nothing low', 'nothing_to_do', { reason: 'no_low_stock', count: 0 }),
      emptyAffected(),
    );
    expect(finer.data).toEqual({ reason: 'no_low_stock', count: 0, affected: emptyAffected() });
  });

  it('a refusal after edits is remembered, so that they can be undone', () => {
    const refused = describeFailure(new RequestError('No item x', 'not_found'), edited);
    expect(refused.remember).toEqual({ outcome: 'error', message: 'No item x' });
    const invalid = describeFailure(new ItemValidationError(['bad sku']), edited);
    expect(invalid.remember).toEqual({ outcome: 'error', message: 'bad sku' });
    expect(
      describeFailure(new RequestError('No item x', 'not_found'), emptyAffected()).remember,
    ).toBeUndefined();
  });

  it('an invalid item lists its problems', () => {
    const failure = describeFailure(new ItemValidationError(['name is blank', 'bad sku']), emptyAffected());
    expect(failure.message).toBe('name is blank; bad sku');
    expect(failure.data).toEqual({
      reason: 'invalid',
      problems: ['name is blank', 'bad sku'],
      affected: emptyAffected(),
    });
    expect(failure.remember).toBeUndefined();
  });

  it('anything else is internal: no detail leaks, and it is remembered as an error', () => {
    const failure = describeFailure(new TypeError('x is undefined'), edited);
    expect(failure).toEqual({
      message: 'The agent hit an internal error; nothing more was changed',
      data: { reason: 'internal', affected: edited },
      internal: true,
      remember: { outcome: 'error', message: 'internal error' },
    });
  });
});

describe('affectedOf', () => {
  it('lists removed items by id and each updated item once', () => {
    const run = {
      added: ['a'],
      removed: [{ id: 'r' }],
      changes: [
        { id: 'u', field: 'min_stock' },
        { id: 'u', field: 'max_stock' },
      ],
    } as unknown as Parameters<typeof affectedOf>[0];
    expect(affectedOf(run)).toEqual({ added: ['a'], removed: ['r'], updated: ['u'] });
  });
});
