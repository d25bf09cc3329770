import { type ArticleNotFound, type CommentDraft, type CurrentUserGone, newComment } from '@conduit/domain';
import { err, ok, ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { FeatureDisabled } from '../features.js';
import type { CommentView } from '../read-models/comment-view.js';
import { ownNewCommentView } from '../read-models/own-writes.js';
import { writerProfile } from '../users/writer-profile.js';

export type AddCommentCommand = CommentDraft;

/** One write, answered with the comment as written and its author's profile (see own-writes.ts). */
export const makeAddComment =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock'>) =>
  (
    ctx: AuthenticatedContext,
    slug: string,
    command: AddCommentCommand,
  ): ResultAsync<CommentView, ArticleNotFound | FeatureDisabled | CurrentUserGone> =>
    safeTry(async function* () {
      if (!(await ctx.features.enabled('comments', { article: slug })))
        return err({ type: 'FeatureDisabled', feature: 'comments' } as const);
      const self = await writerProfile(deps, ctx);
      if (self === null) return err({ type: 'CurrentUserGone' } as const);
      // The comment and its article's check are one write: no lock on the article between round trips.
      // No article is an Err of the unit of work, so that nothing of it commits (an idempotency key's claim included).
      const comment = yield* deps.unitOfWork.runOneWrite((repositories) =>
        ResultAsync.fromSafePromise(repositories.comments.add(slug, newComment(command, ctx.actor.userId, deps.clock.now()))).andThen(
          (stored) => (stored === null ? err({ type: 'ArticleNotFound', slug } as const) : ok(stored)),
        ),
      );
      return ok(ownNewCommentView(comment, self));
    });
