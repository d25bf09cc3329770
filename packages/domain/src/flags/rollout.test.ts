import { describe, expect, it } from 'vitest';
import { isOnFor } from './flag-evaluation.js';
import { rolloutBucket } from './rollout.js';

const USER_IDS = Array.from({ length: 10_000 }, (_, index) => String(index + 1));

describe('a rollout to a share of the users', () => {
  it.each([1, 10, 25, 50, 90])('is on for $0 % of 10,000 sequential user ids, within ±2 %', (percent) => {
    for (const flag of ['comments', 'registration', 'imports'] as const) {
      const on = USER_IDS.filter((id) => isOnFor({ kind: 'rollout', percent }, flag, id)).length;
      expect(Math.abs(on / USER_IDS.length - percent / 100)).toBeLessThanOrEqual(0.02);
    }
  });

  it('gives a user the same place on every call, and places in different flags that do not follow each other', () => {
    expect(USER_IDS.map((id) => rolloutBucket('comments', id))).toEqual(USER_IDS.map((id) => rolloutBucket('comments', id)));
    const firstTenthOfComments = USER_IDS.filter((id) => rolloutBucket('comments', id) < 10);
    const alsoFirstTenthOfImports = firstTenthOfComments.filter((id) => rolloutBucket('imports', id) < 10).length;
    // Independent flags: about a tenth of a tenth, far from all of it.
    expect(alsoFirstTenthOfImports / firstTenthOfComments.length).toBeLessThan(0.2);
  });

  it('grows by adding users: whoever had it at 10 % still has it at 20 %', () => {
    const at = (percent: number) => new Set(USER_IDS.filter((id) => isOnFor({ kind: 'rollout', percent }, 'mcp', id)));
    const tenth = at(10);
    const fifth = at(20);
    expect([...tenth].every((id) => fifth.has(id))).toBe(true);
  });

  it('is on for nobody in particular when no user is known', () => {
    expect(isOnFor({ kind: 'rollout', percent: 99 }, 'registration', undefined)).toBe(false);
    expect(isOnFor({ kind: 'on' }, 'registration', undefined)).toBe(true);
  });

  it('keeps the places it gave: a fixed user keeps the same bucket across releases', () => {
    // Pinned: a change to the hash would move users in and out of every running rollout.
    expect(['1', '42', '2147483647'].map((id) => rolloutBucket('comments', id))).toEqual(PINNED);
  });
});

const PINNED = [93, 77, 28];
