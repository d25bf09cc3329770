import { err, ok, type Result } from 'neverthrow';
import type { UserActor } from '../shared/actor.js';
import type { CommentDeleteForbidden } from './comment.errors.js';
import type { Comment } from './comment.js';

export const canDeleteComment = (actor: UserActor, comment: Comment): Result<void, CommentDeleteForbidden> =>
  actor.userId === comment.authorId ? ok(undefined) : err({ type: 'CommentDeleteForbidden', id: comment.id });
