import { ALL_FEATURES_ON, makeUseCases } from '@conduit/app';
import { newUser, userActor } from '@conduit/domain';
import { ok } from 'neverthrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAdapters } from './postgres-adapters.js';
import { openPostgresTestContext, type PostgresTestContext } from './testing/test-database.js';

let context: PostgresTestContext;
beforeAll(async () => {
  context = await openPostgresTestContext();
});
afterAll(async () => {
  await context?.close();
});

/** The job use cases over PostgreSQL; announcing is a no-op (the queue is pg-boss's business, tested end to end). */
const useCases = () =>
  makeUseCases({
    ...createPostgresAdapters(context.orm, { queueIn: () => ({ enqueue: async () => undefined }) }),
    passwordHasher: {} as never,
    tokenIssuer: {} as never,
    clock: { now: () => new Date(), wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    suffixes: { next: () => Math.random().toString(36).slice(2, 8) },
    tenancy: context.tenancy,
  });

const article = (index: number) => JSON.stringify({ article: { title: `Raced ${index}`, description: 'd', body: 'b' } });

async function* itemsOf(texts: readonly string[]) {
  for (const text of texts) yield ok(text);
}

describe('article import jobs on PostgreSQL', () => {
  it('applies each item once when two runs of one job race, each in its own transactions', async () => {
    const cases = useCases();
    const owner = (
      await context.repositories.users.add(newUser({ username: 'racer', email: 'racer@example.com', passwordHash: 'x' }))
    )._unsafeUnwrap();
    const ctx = { actor: userActor(owner.id, 'user'), features: ALL_FEATURES_ON };
    const texts = Array.from({ length: 2_000 }, (_, index) => article(index));
    const { job } = (await cases.submitArticleImport(ctx, { items: itemsOf(texts) }))._unsafeUnwrap();

    const outcomes = await Promise.all([cases.runArticleImport(job.id), cases.runArticleImport(job.id), cases.runArticleImport(job.id)]);
    expect(outcomes).toContain('finished');
    const done = (await cases.getJob(ctx, job.id))._unsafeUnwrap();
    expect(done).toMatchObject({ status: 'succeeded', processed: 2_000, succeeded: 2_000, failed: 0 });
    const rows = await context.orm.em
      .fork()
      .execute<{ total: string; titles: string }[]>(
        "select count(*) as total, count(distinct title) as titles from articles where title like 'Raced %'",
      );
    expect(rows[0]).toEqual({ total: '2000', titles: '2000' });
    const counted = await context.orm.em
      .fork()
      .execute<{ articles_count: number }[]>('select articles_count from users where id = ?', [owner.id]);
    expect(counted[0]?.articles_count).toBe(2_000);
    // The staged items went with the end of the job.
    expect(await context.repositories.jobItems.read(job.id, 0, 10)).toEqual([]);
  });
});
