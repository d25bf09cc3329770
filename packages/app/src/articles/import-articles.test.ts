import { createInMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, systemActor } from '@conduit/domain';
import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';
import type { ImportProgress } from './import-articles.js';
import type { ImportLine } from './import-batch.js';

const operator = { actor: systemActor('ops@example.com') };

async function* linesOf(values: readonly ImportLine[]): AsyncIterable<ImportLine> {
  yield* values;
}

const item = (title: string, extra: Record<string, unknown> = {}) =>
  ok({ article: { title, description: 'About it', body: 'The text', tagList: ['imported'], ...extra } });

describe('importArticles', () => {
  it('writes each valid item through the article rules, records the others by number, and counts exactly', async () => {
    const app = createInMemoryApp();
    await app.signUp('jake');
    const progress: ImportProgress[] = [];
    const summary = await app.useCases.importArticles(operator, {
      as: 'jake',
      lines: linesOf([
        item('First post'),
        item('   '),
        err('is not valid JSON'),
        ok({ title: 'no wrapper' }),
        item('First post'),
        item('Tagged', { tagList: ['b', ' a ', 'b'] }),
      ]),
      onProgress: (step) => progress.push(step),
    });
    expect(summary._unsafeUnwrap()).toEqual({
      processed: 6,
      succeeded: 3,
      failed: 3,
      errors: [
        { item: 2, errors: { title: ["can't be blank"] } },
        { item: 3, errors: { item: ['is not valid JSON'] } },
        { item: 4, errors: { article: ["can't be blank"] } },
      ],
      writtenBy: new Map([['jake', 3]]),
    });
    expect(progress.at(-1)).toEqual({ processed: 6, succeeded: 3, failed: 3 });
    const list = (
      await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { author: 'jake', limit: 10, offset: 0 })
    )._unsafeUnwrap();
    expect(list.articlesCount).toBe(3);
    const slugs = list.articles.map((article) => article.slug).sort();
    expect(slugs[0]).toBe('first-post');
    expect(slugs[1]).toMatch(/^first-post-.+/);
    expect(list.articles.find((article) => article.title === 'Tagged')?.tagList).toEqual(['a', 'b']);
  });

  it('keeps the first 1,000 item errors, reports progress per batch, and holds one batch at a time', async () => {
    const app = createInMemoryApp();
    await app.signUp('jake');
    const progress: ImportProgress[] = [];
    const lines = Array.from({ length: 1_300 }, (_, index) => (index % 10 === 0 ? item(`Post ${index}`) : item('')));
    const summary = (
      await app.useCases.importArticles(operator, { as: 'jake', lines: linesOf(lines), onProgress: (step) => progress.push(step) })
    )._unsafeUnwrap();
    expect(summary).toMatchObject({ processed: 1_300, succeeded: 130, failed: 1_170 });
    expect(summary.errors).toHaveLength(1_000);
    expect(summary.errors[999]?.item).toBeGreaterThan(1_000);
    expect(progress.map((step) => step.processed)).toEqual([250, 500, 750, 1_000, 1_250, 1_300]);
  });

  it('publishes only as yourself, unless an admin or an operator; an unknown author is not found', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const admin = await app.signUp('moderator', 'admin');
    await app.signUp('celeb');
    const run = (actor: Parameters<typeof app.useCases.importArticles>[0]['actor'], as: string) =>
      app.useCases.importArticles({ actor }, { as, lines: linesOf([item(`By ${as}`)]) });
    expect((await run(jake, 'jake')).isOk()).toBe(true);
    expect((await run(jake, 'celeb'))._unsafeUnwrapErr()).toEqual({ type: 'PublishAsForbidden', username: 'celeb' });
    expect((await run(admin, 'celeb')).isOk()).toBe(true);
    expect((await run(operator.actor, 'nobody'))._unsafeUnwrapErr()).toEqual({ type: 'ProfileNotFound', username: 'nobody' });
  });

  it('puts an item under the author it names, when the actor may publish as them; otherwise records why', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const admin = await app.signUp('moderator', 'admin');
    await app.signUp('anna');
    const lines = () =>
      linesOf([
        item('Mine'),
        ok({ ...item('Hers')._unsafeUnwrap(), author: 'anna' }),
        ok({ ...item('Lost')._unsafeUnwrap(), author: 'ghost' }),
        ok({ ...item('')._unsafeUnwrap(), author: 7 }),
      ]);
    const asAdmin = (
      await app.useCases.importArticles({ actor: admin }, { as: 'moderator', itemAuthors: true, lines: lines() })
    )._unsafeUnwrap();
    expect(asAdmin).toMatchObject({ processed: 4, succeeded: 2, failed: 2 });
    expect(asAdmin.errors).toEqual([
      { item: 3, errors: { author: ['is not a user here'] } },
      { item: 4, errors: { title: ["can't be blank"], author: ['must be a string'] } },
    ]);
    const annas = (
      await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { author: 'anna', limit: 5, offset: 0 })
    )._unsafeUnwrap();
    expect(annas.articles.map((article) => article.title)).toEqual(['Hers']);
    expect(asAdmin.writtenBy).toEqual(
      new Map([
        ['moderator', 1],
        ['anna', 1],
      ]),
    );

    // Without `as`, every item names its author.
    const named = (await app.useCases.importArticles({ actor: admin }, { itemAuthors: true, lines: lines() }))._unsafeUnwrap();
    expect(named).toMatchObject({ processed: 4, succeeded: 1, failed: 3 });
    expect(named.errors[0]).toEqual({ item: 1, errors: { author: ["can't be blank"] } });
    expect(named.writtenBy).toEqual(new Map([['anna', 1]]));

    const asUser = (await app.useCases.importArticles({ actor: jake }, { as: 'jake', itemAuthors: true, lines: lines() }))._unsafeUnwrap();
    expect(asUser).toMatchObject({ succeeded: 1, failed: 3 });
    expect(asUser.errors[0]).toEqual({ item: 2, errors: { author: ['may be set only by an admin'] } });

    const ignoring = (await app.useCases.importArticles({ actor: jake }, { as: 'jake', lines: lines() }))._unsafeUnwrap();
    expect(ignoring).toMatchObject({ succeeded: 3, failed: 1 });
  });
});
