import { describe, expect, it } from 'vitest';
import { checkFlagChange, parseFlagState } from './flag.js';
import { flagStateFor, indexFlagSettings } from './flag-evaluation.js';

describe('a flag change, checked', () => {
  it('takes on, off and whole percentages; 0 % is off and 100 % on', () => {
    expect(['on', 'off', '10%', '0%', '100%'].map((text) => parseFlagState(text)._unsafeUnwrap())).toEqual([
      { kind: 'on' },
      { kind: 'off' },
      { kind: 'rollout', percent: 10 },
      { kind: 'off' },
      { kind: 'on' },
    ]);
    for (const bad of ['ON', '10', '101%', '1.5%', '-1%', '', 1, null]) expect(parseFlagState(bad).isErr()).toBe(true);
  });

  it('names every problem by field', () => {
    expect(checkFlagChange({ flag: 'karma', state: 'maybe', reason: 5 })._unsafeUnwrapErr()).toEqual({
      flag: ['must be one of registration, comments, imports, account-export, mcp, mcp-writes'],
      state: ["must be 'on', 'off' or a percentage such as '10%'"],
      reason: ['must be a string'],
    });
    expect(checkFlagChange({ flag: 'imports', state: 'off', article: 'some-slug' })._unsafeUnwrapErr()).toEqual({
      article: ['only comments can be set for one article'],
    });
  });

  it('sets comments for one article, and unsets with no state; a blank reason is none', () => {
    expect(checkFlagChange({ flag: 'comments', state: 'off', article: 'a-slug', reason: ' spam wave ' })._unsafeUnwrap()).toEqual({
      flag: 'comments',
      target: { kind: 'article', slug: 'a-slug' },
      state: { kind: 'off' },
      reason: 'spam wave',
    });
    expect(checkFlagChange({ flag: 'mcp', state: null, reason: '  ' })._unsafeUnwrap()).toEqual({
      flag: 'mcp',
      target: { kind: 'publication' },
      state: null,
      reason: null,
    });
  });
});

describe('the state that applies', () => {
  const at = new Date(0);
  const states = indexFlagSettings([
    { flag: 'comments', target: { kind: 'publication' }, state: { kind: 'on' }, changedBy: 'a', changedAt: at, reason: null },
    { flag: 'comments', target: { kind: 'article', slug: 'closed' }, state: { kind: 'off' }, changedBy: 'a', changedAt: at, reason: null },
  ]);

  it("is the article's where it has one, else the publication's, else none (the default)", () => {
    expect(flagStateFor(states, 'comments', { article: 'closed' })).toEqual({ kind: 'off' });
    expect(flagStateFor(states, 'comments', { article: 'open' })).toEqual({ kind: 'on' });
    expect(flagStateFor(states, 'comments', {})).toEqual({ kind: 'on' });
    expect(flagStateFor(states, 'imports', {})).toBeUndefined();
  });
});
