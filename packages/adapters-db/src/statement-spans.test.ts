import { describe, expect, it } from 'vitest';
import { summaryOf } from './statement-spans.js';

describe("a statement's summary", () => {
  it('names its operation and table, never its values', () => {
    expect(summaryOf('select "a".* from "articles" as "a" where "a"."slug" = $1')).toEqual({
      operation: 'SELECT',
      summary: 'SELECT articles',
      table: 'articles',
    });
    expect(summaryOf(`insert into "users" ("email") values ('jake@example.com')`).summary).toBe('INSERT users');
    expect(summaryOf('with "batch" as (select 1) insert into "articles" select * from "batch"').summary).toBe('INSERT articles');
    expect(summaryOf('with "x" as (select 1) select * from "x"').summary).toBe('WITH');
    expect(summaryOf('begin').summary).toBe('BEGIN');
    expect(summaryOf(`update "jobs" set "status" = 'done'`).summary).toBe('UPDATE jobs');
    for (const text of [
      `insert into "users" ("email") values ('jake@example.com')`,
      `select * from "users" where "email" = 'jake@example.com'`,
    ])
      expect(JSON.stringify(summaryOf(text))).not.toContain('jake');
  });
});
