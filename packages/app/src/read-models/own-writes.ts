import type { Article, Comment } from '@conduit/domain';
import type { AuthenticatedContext, SelfProfile } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from './article-view.js';
import type { CommentView } from './comment-view.js';
import type { ProfileView } from './profile-view.js';

/*
 * The answer to a write, as its writer sees it, from what was written and the writer's own profile
 * (read with the session check): what reading it back would give, without the round trip. Nobody
 * has favorited an article a moment old, and nobody follows themselves (canFollow).
 */

const asAuthor = (self: SelfProfile): ProfileView => ({ username: self.username, bio: self.bio, image: self.image, following: false });

export const ownNewArticleView = (article: Article, self: SelfProfile): ArticleView => ({
  slug: article.slug,
  title: article.title,
  description: article.description,
  body: article.body,
  tagList: article.tagList,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
  favorited: false,
  favoritesCount: 0,
  author: asAuthor(self),
});

export const ownNewCommentView = (comment: Comment, self: SelfProfile): CommentView => ({
  id: comment.id,
  body: comment.body,
  createdAt: comment.createdAt,
  updatedAt: comment.updatedAt,
  author: asAuthor(self),
});

/**
 * The writer's profile for the answer: the driver's (read with the session check), or, for a
 * driver that has none, read now, before the write. Null when the account is gone: nothing is
 * then written.
 */
export const writerProfile = async (deps: Pick<AppDeps, 'repositories'>, ctx: AuthenticatedContext): Promise<SelfProfile | null> => {
  if (ctx.self !== undefined) return ctx.self;
  const user = await deps.repositories.users.findById(ctx.actor.userId);
  return user === null ? null : { username: user.username, bio: user.bio, image: user.image };
};
