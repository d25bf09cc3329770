import { authorizedForTest } from '@conduit/domain/testing';
import { describe, expect, it } from 'vitest';

import { FIRST_PAGE as page, type QueryContractContext } from './query-contract-context.js';

/** ArticleQueries with favorites, follows and removals, and the export's pages. */
export const describeFavoriteQueryContracts = (contract: QueryContractContext) => {
  describe('ArticleQueries: favorites, follows, removals, export', () => {
    it('counts favorites exactly and drops them with unfavorite', async () => {
      const author = await contract.addUser();
      const fans = await Promise.all([contract.addUser(), contract.addUser(), contract.addUser()]);
      const article = await contract.addArticle(author.id);
      for (const fan of fans) expect(await contract.fx.repositories.favorites.add(fan.id, article.slug)).toBe(true);
      expect(await contract.fx.repositories.favorites.add(fans[0]!.id, article.slug)).toBe(true);
      expect((await contract.fx.queries.articles.bySlug(article.slug, null))?.favoritesCount).toBe(3);
      expect(await contract.fx.repositories.favorites.remove(fans[0]!.id, article.slug)).toBe(true);
      expect(await contract.fx.repositories.favorites.remove(fans[0]!.id, article.slug)).toBe(true);
      expect((await contract.fx.queries.articles.bySlug(article.slug, fans[0]!.id))?.favorited).toBe(false);
      expect((await contract.fx.queries.articles.bySlug(article.slug, null))?.favoritesCount).toBe(2);
    });
    it('favorites nothing on a slug no article has', async () => {
      const fan = await contract.addUser();
      expect(await contract.fx.repositories.favorites.add(fan.id, 'no-such-article')).toBe(false);
      expect(await contract.fx.repositories.favorites.remove(fan.id, 'no-such-article')).toBe(false);
      expect((await contract.fx.queries.articles.list({ favoritedBy: fan.username }, { limit: 10, offset: 0 }, null)).articles).toEqual([]);
    });
    it('takes favorites and follows idempotently in both directions', async () => {
      const reader = await contract.addUser();
      const author = await contract.addUser();
      const article = await contract.addArticle(author.id);
      const seen = async () => {
        const view = await contract.fx.queries.articles.bySlug(article.slug, reader.id);
        return { favorited: view?.favorited, favoritesCount: view?.favoritesCount, following: view?.author.following };
      };
      for (const time of ['once', 'twice']) {
        await contract.fx.repositories.follows.follow(reader.id, author.id);
        await contract.fx.repositories.favorites.add(reader.id, article.slug);
        expect(await seen(), `after following and favoriting ${time}`).toEqual({ favorited: true, favoritesCount: 1, following: true });
      }
      expect((await contract.fx.queries.articles.feed(reader.id, page)).articlesCount).toBe(1);
      for (const time of ['once', 'twice']) {
        await contract.fx.repositories.follows.unfollow(reader.id, author.id);
        await contract.fx.repositories.favorites.remove(reader.id, article.slug);
        expect(await seen(), `after undoing ${time}`).toEqual({ favorited: false, favoritesCount: 0, following: false });
      }
      expect((await contract.fx.queries.articles.feed(reader.id, page)).articlesCount).toBe(0);
    });

    it('drops the favorites of a removed article', async () => {
      const author = await contract.addUser();
      const fan = await contract.addUser();
      const article = await contract.addArticle(author.id);
      const kept = await contract.addArticle(author.id);
      await contract.fx.repositories.favorites.add(fan.id, article.slug);
      await contract.fx.repositories.favorites.add(fan.id, kept.slug);
      await contract.fx.repositories.articles.remove(article.id, authorizedForTest('article:delete', article.id));
      const favorites = await contract.fx.queries.articles.list({ favoritedBy: fan.username }, page, null);
      expect(favorites.articles.map((a) => a.slug)).toEqual([kept.slug]);
      expect(favorites.articlesCount).toBe(1);
    });

    it('exports every article oldest first, a page at a time after a cursor, with the tag and author filters', async () => {
      const jake = await contract.addUser();
      const anna = await contract.addUser();
      const written = [];
      for (let i = 0; i < 5; i++)
        written.push(await contract.addArticle(i % 2 === 0 ? jake.id : anna.id, { tagList: i < 3 ? ['early'] : [] }));
      const first = await contract.fx.queries.articles.exportPage({}, null, 2);
      expect(first.map((a) => a.title)).toEqual([written[0]?.title, written[1]?.title]);
      expect(first[0]).toMatchObject({
        description: written[0]?.description,
        body: written[0]?.body,
        tagList: ['early'],
        author: jake.username,
      });
      expect(first[0]?.createdAt).toEqual(written[0]?.createdAt);
      const rest = await contract.fx.queries.articles.exportPage({}, first[1]?.cursor ?? null, 10);
      expect(rest.map((a) => a.title)).toEqual(written.slice(2).map((a) => a.title));
      expect(await contract.fx.queries.articles.exportPage({}, rest[2]?.cursor ?? null, 10)).toEqual([]);
      const jakes = await contract.fx.queries.articles.exportPage({ author: jake.username }, null, 10);
      expect(jakes.map((a) => a.title)).toEqual([written[0], written[2], written[4]].map((a) => a?.title));
      const earlyOfAnna = await contract.fx.queries.articles.exportPage({ tag: 'early', author: anna.username }, null, 10);
      expect(earlyOfAnna.map((a) => a.title)).toEqual([written[1]?.title]);
      expect(await contract.fx.queries.articles.exportPage({ author: 'nobody' }, null, 10)).toEqual([]);
    });
  });
};
