import { err, ok, type Result } from 'neverthrow';
import type { Article } from '../articles/article.js';
import { isArticleAuthor } from '../articles/article.policy.js';
import { isAdmin, type UserActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { CommentDeleteForbidden } from './comment.errors.js';
import type { Comment } from './comment.js';

/** Its author; the author of the article it is on (their own page); or an admin (moderation). */
export const canDeleteComment = (
  actor: UserActor,
  comment: Comment,
  article: Article,
): Result<Authorized<'comment:delete'>, CommentDeleteForbidden> =>
  actor.userId === comment.authorId || isArticleAuthor(actor, article) || isAdmin(actor)
    ? ok(grant('comment:delete', comment.id))
    : err({ type: 'CommentDeleteForbidden', id: comment.id });
