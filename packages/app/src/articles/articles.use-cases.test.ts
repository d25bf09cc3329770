import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, PAGE_LIMITS } from '@conduit/domain';
import { anArticleDraft, articleChanges } from '@conduit/domain/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
beforeEach(() => {
  app = createInMemoryApp();
});

const draft = anArticleDraft({
  title: 'How to train your dragon',
  description: 'Ever wonder how?',
  body: 'You have to believe',
  tagList: ['training', 'dragons'],
});
const page = { limit: 20, offset: 0 };

describe('createArticle', () => {
  it('writes the article with a slug from the title and sorted tags', async () => {
    const jake = await app.signUp('jake');
    const article = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    expect(article).toMatchObject({
      slug: 'how-to-train-your-dragon',
      tagList: ['dragons', 'training'],
      favorited: false,
      favoritesCount: 0,
      author: { username: 'jake', following: false },
    });
    expect(article.createdAt).toEqual(article.updatedAt);
  });

  it('suffixes the slug when the title is taken', async () => {
    const jake = await app.signUp('jake');
    (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    const second = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    // Each write carries a suffixed fallback, used only when the title is taken: the first's was s1.
    expect(second.slug).toBe('how-to-train-your-dragon-s2');
  });
});

describe('updateArticle', () => {
  it('changes only the given fields; a new title gives a new slug; [] clears tags', async () => {
    const jake = await app.signUp('jake');
    const created = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    const updated = (
      await app.useCases.updateArticle(
        { actor: jake, features: ALL_FEATURES_ON },
        created.slug,
        articleChanges({ title: 'A new title', tagList: [] }),
      )
    )._unsafeUnwrap();
    expect(updated).toMatchObject({ slug: 'a-new-title', title: 'A new title', body: draft.body, tagList: [] });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect((await app.useCases.getArticle({ actor: anonymous, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrapErr().type).toBe(
      'ArticleNotFound',
    );
  });

  it('keeps the slug unique when the new title is taken', async () => {
    const jake = await app.signUp('jake');
    (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, { ...draft, title: 'Taken' }))._unsafeUnwrap();
    const other = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    const renamed = (
      await app.useCases.updateArticle({ actor: jake, features: ALL_FEATURES_ON }, other.slug, articleChanges({ title: 'Taken' }))
    )._unsafeUnwrap();
    expect(renamed.slug).toBe('taken-s3');
  });

  it("is forbidden on someone else's article, and 404 for an unknown slug", async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const created = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    expect(
      (
        await app.useCases.updateArticle({ actor: ann, features: ALL_FEATURES_ON }, created.slug, articleChanges({ body: 'x' }))
      )._unsafeUnwrapErr().type,
    ).toBe('ArticleEditForbidden');
    expect((await app.useCases.getArticle({ actor: anonymous, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrap().body).toBe(
      draft.body,
    );
    expect(
      (
        await app.useCases.updateArticle({ actor: jake, features: ALL_FEATURES_ON }, 'missing', articleChanges({ body: 'x' }))
      )._unsafeUnwrapErr().type,
    ).toBe('ArticleNotFound');
  });
});

describe('deleteArticle', () => {
  it('removes the author’s article', async () => {
    const jake = await app.signUp('jake');
    const created = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    expect((await app.useCases.deleteArticle({ actor: jake, features: ALL_FEATURES_ON }, created.slug)).isOk()).toBe(true);
    expect((await app.useCases.getArticle({ actor: anonymous, features: ALL_FEATURES_ON }, created.slug)).isErr()).toBe(true);
  });

  it("is forbidden on someone else's article", async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const created = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    expect((await app.useCases.deleteArticle({ actor: ann, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrapErr().type).toBe(
      'ArticleDeleteForbidden',
    );
    expect((await app.useCases.getArticle({ actor: anonymous, features: ALL_FEATURES_ON }, created.slug)).isOk()).toBe(true);
  });
});

describe('favorites', () => {
  it('are idempotent and counted per article', async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const created = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    (await app.useCases.favoriteArticle({ actor: ann, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrap();
    const again = (await app.useCases.favoriteArticle({ actor: ann, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrap();
    expect(again).toMatchObject({ favorited: true, favoritesCount: 1 });
    const undone = (await app.useCases.unfavoriteArticle({ actor: ann, features: ALL_FEATURES_ON }, created.slug))._unsafeUnwrap();
    expect(undone).toMatchObject({ favorited: false, favoritesCount: 0 });
    expect((await app.useCases.favoriteArticle({ actor: ann, features: ALL_FEATURES_ON }, 'missing'))._unsafeUnwrapErr().type).toBe(
      'ArticleNotFound',
    );
  });
});

describe('lists and feed', () => {
  it('filter by author, tag and favorited; the feed shows followed authors only', async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const dragons = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    (
      await app.useCases.createArticle({ actor: ann, features: ALL_FEATURES_ON }, { ...draft, title: 'Other', tagList: ['other'] })
    )._unsafeUnwrap();
    (await app.useCases.favoriteArticle({ actor: ann, features: ALL_FEATURES_ON }, dragons.slug))._unsafeUnwrap();
    (await app.useCases.followUser({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap();

    const list = (await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { ...page }))._unsafeUnwrap();
    expect(list.articlesCount).toBe(2);
    const byTag = (
      await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { ...page, tag: 'dragons' })
    )._unsafeUnwrap();
    expect(byTag.articles.map((a) => a.slug)).toEqual([dragons.slug]);
    const favorited = (
      await app.useCases.listArticles({ actor: ann, features: ALL_FEATURES_ON }, { ...page, favoritedBy: 'ann' })
    )._unsafeUnwrap();
    expect(favorited.articles[0]).toMatchObject({ slug: dragons.slug, favorited: true });
    const feed = (await app.useCases.feedArticles({ actor: ann, features: ALL_FEATURES_ON }, page))._unsafeUnwrap();
    expect(feed.articles.map((a) => a.author.username)).toEqual(['jake']);
    expect((await app.useCases.listTags())._unsafeUnwrap()).toEqual(['dragons', 'other', 'training']);
  });
});

describe('pages, whoever asks', () => {
  it('are bounded by the core: a script asking a million rows gets at most PAGE_LIMITS.sizeMax, a negative ask none', async () => {
    const jake = await app.signUp('jake');
    const ctx = { actor: jake, features: ALL_FEATURES_ON };
    for (let index = 0; index < PAGE_LIMITS.sizeMax + 5; index++) {
      (await app.useCases.createArticle(ctx, { ...draft, title: `Article ${index}` }))._unsafeUnwrap();
    }
    const asked = async (limit: number, offset = 0) =>
      (await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { limit, offset }))._unsafeUnwrap();
    expect((await asked(1_000_000)).articles).toHaveLength(PAGE_LIMITS.sizeMax);
    expect((await asked(-3)).articles).toHaveLength(0);
    expect((await asked(10, -50)).articles[0]?.title).toBe(`Article ${PAGE_LIMITS.sizeMax + 4}`);
    expect((await asked(10, Number.MAX_SAFE_INTEGER)).articles).toHaveLength(0);
  });
});
