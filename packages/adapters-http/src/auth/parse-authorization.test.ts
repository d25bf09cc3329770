import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './parse-authorization.js';

describe('parseAuthorization (step 1: syntax only)', () => {
  it('accepts the Token and Bearer schemes, case-insensitively', () => {
    expect(parseAuthorization('Token abc.def.ghi')).toEqual({ kind: 'token', token: 'abc.def.ghi' });
    expect(parseAuthorization('Bearer abc.def.ghi')).toEqual({ kind: 'token', token: 'abc.def.ghi' });
    expect(parseAuthorization('bearer abc.def.ghi')).toEqual({ kind: 'token', token: 'abc.def.ghi' });
  });

  it('reports a missing header separately from a malformed one', () => {
    expect(parseAuthorization(undefined)).toEqual({ kind: 'missing' });
    expect(parseAuthorization('   ')).toEqual({ kind: 'missing' });
    for (const header of ['Basic dXNlcjpwYXNz', 'Token', 'Token a b', 'Token <script>', `Token ${'a'.repeat(9000)}`]) {
      expect(parseAuthorization(header)).toEqual({ kind: 'malformed' });
    }
  });
});
