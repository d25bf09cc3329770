import type {
  AccountQueries,
  ActorQueries,
  ArticleFilter,
  ArticleListItemView,
  ArticlePage,
  ArticlePosition,
  ArticleQueries,
  ArticleView,
  CommentQueries,
  CommentView,
  PageRequest,
  ProfileQueries,
  ProfileView,
  Queries,
  TagQueries,
} from '@conduit/app';
import { pageFromRows } from '@conduit/app';
import {
  type Article,
  type ArticleId,
  articleId,
  type Comment,
  type CommentId,
  type TokenClaims,
  type User,
  type UserId,
  userActor,
  userId,
} from '@conduit/domain';
import { favoriteKey, followKey, type InMemoryStore } from './in-memory-store.js';

/** The read side computed from the store, mirroring what the SQL read models return. */
export const makeInMemoryQueries = (store: InMemoryStore): Queries => {
  const userById = (id: UserId): User => {
    const user = store.users.get(id);
    if (!user) throw new Error(`Dangling user reference ${id}`);
    return user;
  };
  const profileOf = (user: User, viewerId: UserId | null): ProfileView => ({
    username: user.username,
    bio: user.bio,
    image: user.image,
    following: viewerId !== null && store.follows.has(followKey(viewerId, user.id)),
  });
  const articleView = (article: Article, viewerId: UserId | null): ArticleView => {
    return {
      slug: article.slug,
      title: article.title,
      description: article.description,
      body: article.body,
      tagList: [...article.tagList],
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
      favorited: viewerId !== null && store.favorites.has(favoriteKey(viewerId, article.id)),
      favoritesCount: store.favoriteKeysOf(article.id).length,
      author: profileOf(userById(article.authorId), viewerId),
    };
  };
  const listItem = (article: Article, viewerId: UserId | null): ArticleListItemView => {
    const { body: _body, ...item } = articleView(article, viewerId);
    return item;
  };
  const newestFirst = (a: ArticlePosition, b: ArticlePosition) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
  const page = (matching: Article[], request: PageRequest, viewerId: UserId | null): ArticlePage => {
    const { after } = request;
    const sorted = matching.sort(newestFirst);
    const top = after === undefined ? sorted : sorted.filter((article) => newestFirst(after, article) < 0);
    // One more than the page, to know whether another follows.
    const rows = top.slice(request.offset, request.offset + request.limit + 1);
    const { shown, next } = pageFromRows(rows, request.limit, (article) => ({ createdAt: article.createdAt, id: article.id }));
    return { articles: shown.map((article) => listItem(article, viewerId)), articlesCount: matching.length, next };
  };
  const userIdByName = (username: string): UserId | undefined => [...store.users.values()].find((user) => user.username === username)?.id;

  const articles: ArticleQueries = {
    async bySlug(slug, viewerId) {
      const article = [...store.articles.values()].find((candidate) => candidate.slug === slug);
      return article ? articleView(article, viewerId) : null;
    },
    async list(filter: ArticleFilter, request, viewerId) {
      const authorId = filter.author === undefined ? undefined : userIdByName(filter.author);
      const favoriterId = filter.favoritedBy === undefined ? undefined : userIdByName(filter.favoritedBy);
      const matching = [...store.articles.values()].filter(
        (article) =>
          (filter.tag === undefined || article.tagList.includes(filter.tag)) &&
          (filter.author === undefined || article.authorId === authorId) &&
          (filter.favoritedBy === undefined || (favoriterId !== undefined && store.favorites.has(favoriteKey(favoriterId, article.id)))),
      );
      return page(matching, request, viewerId);
    },
    async feed(viewerId, request) {
      const matching = [...store.articles.values()].filter((article) => store.follows.has(followKey(viewerId, article.authorId)));
      return page(matching, request, viewerId);
    },
    async exportPage(filter, after, limit) {
      const authorId = filter.author === undefined ? undefined : userIdByName(filter.author);
      const isAfter = (article: Article) =>
        after === null ||
        article.createdAt.getTime() > after.createdAt.getTime() ||
        (article.createdAt.getTime() === after.createdAt.getTime() && article.id > after.id);
      return [...store.articles.values()]
        .filter(
          (article) =>
            (filter.tag === undefined || article.tagList.includes(filter.tag)) &&
            (filter.author === undefined || article.authorId === authorId) &&
            isAfter(article),
        )
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
        .slice(0, limit)
        .map((article) => ({
          title: article.title,
          description: article.description,
          body: article.body,
          tagList: [...article.tagList],
          author: userById(article.authorId).username,
          createdAt: article.createdAt,
          cursor: { createdAt: article.createdAt, id: article.id },
        }));
    },
  };

  const profiles: ProfileQueries = {
    async byUsername(username, viewerId) {
      const id = userIdByName(username);
      return id === undefined ? null : profileOf(userById(id), viewerId);
    },
  };

  const commentView = (comment: Comment, viewerId: UserId | null): CommentView => ({
    id: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    author: profileOf(userById(comment.authorId), viewerId),
  });
  const comments: CommentQueries = {
    async forArticle(articleId: ArticleId, viewerId) {
      return [...store.comments.values()]
        .filter((comment) => comment.articleId === articleId)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
        .map((comment) => commentView(comment, viewerId));
    },
    async byId(id: CommentId, viewerId) {
      const comment = store.comments.get(id);
      return comment ? commentView(comment, viewerId) : null;
    },
  };

  const tags: TagQueries = {
    async all() {
      const counts = new Map<string, number>();
      for (const article of store.articles.values()) {
        for (const tag of article.tagList) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts.entries()]
        .sort(([tagA, countA], [tagB, countB]) => countB - countA || (tagA < tagB ? -1 : tagA > tagB ? 1 : 0))
        .map(([tag]) => tag);
    },
  };

  const actors: ActorQueries = {
    async bySession({ userId, sessionId }: TokenClaims, now: Date) {
      const session = store.sessions.get(sessionId);
      const user = store.users.get(userId);
      if (session?.userId !== userId || session.expiresAt <= now || user === undefined || user.lock !== null) return null;
      return {
        actor: userActor(user.id, user.role, session.id),
        lastSeenAt: session.lastSeenAt,
        self: { username: user.username, bio: user.bio, image: user.image },
      };
    },
  };

  const accounts: AccountQueries = {
    async activityOf(id: UserId) {
      const ownComments = [...store.comments.values()]
        .filter((comment) => comment.authorId === id && store.articles.has(comment.articleId))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      const slugOf = (articleId: ArticleId) => store.articles.get(articleId)?.slug ?? '';
      const theirs = (keys: Iterable<string>) =>
        [...keys].filter((key) => key.startsWith(`${id}:`)).map((key) => Number(key.split(':')[1]));
      const favorites = theirs(store.favorites)
        .flatMap((other) => store.articles.get(articleId(other)) ?? [])
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
        .map((article) => article.slug);
      const following = theirs(store.follows)
        .map((followee) => userById(userId(followee)).username)
        .sort();
      return {
        comments: ownComments.map((comment) => ({
          id: comment.id,
          article: slugOf(comment.articleId),
          body: comment.body,
          createdAt: comment.createdAt,
        })),
        favorites,
        following,
      };
    },
  };

  return { actors, accounts, articles, profiles, comments, tags };
};
