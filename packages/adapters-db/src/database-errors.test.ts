import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.js';

describe('isDatabaseUnavailable', () => {
  it('recognizes a refused connection as an Error, as a cause, and as the plain object pg-boss hands its listeners', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'connect ECONNREFUSED 127.0.0.1:5432 (Queue: q)', code: 'ECONNREFUSED', queue: 'q' })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ message: 'Connection terminated unexpectedly' })).toBe(true);
  });

  it('leaves defects alone', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable({ message: 'syntax error', code: '42601' })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
