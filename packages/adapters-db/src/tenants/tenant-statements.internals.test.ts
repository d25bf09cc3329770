import { createRequire } from 'node:module';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_VERSION_WRITTEN_FOR } from './tenant-statements.js';

const require = createRequire(import.meta.url);

/**
 * tenant-statements.ts subclasses node-postgres's internal `Query`. An upgrade that moves what it
 * overrides would send statements without their tenant's setting, or hang them: this fails first,
 * and says what to look at.
 */
describe('the node-postgres internals tenant-statements.ts is written against', () => {
  it('is the version it was written for', () => {
    const { version } = require('pg/package.json') as { version: string };
    expect(
      version,
      `pg is ${version}, tenant-statements.ts was written for ${PG_VERSION_WRITTEN_FOR}: check Query#prepare and #handleCommandComplete in pg/lib/query.js, then update PG_VERSION_WRITTEN_FOR and the override`,
    ).toBe(PG_VERSION_WRITTEN_FOR);
  });

  it('still has the Query members it overrides, with the arity it calls them with', () => {
    const prototype = (pg.Query as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const [member, arity] of [
      ['prepare', 1],
      ['handleCommandComplete', 2],
    ] as const) {
      const method = prototype[member];
      expect(typeof method, `pg's Query#${member} is gone: tenant-statements.ts overrides it`).toBe('function');
      expect((method as (...args: unknown[]) => unknown).length, `pg's Query#${member} takes other arguments now`).toBe(arity);
    }
  });
});
