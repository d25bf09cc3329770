import type { Article, Comment } from '@conduit/domain';
import type { SelfProfile } from '../context.js';
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
