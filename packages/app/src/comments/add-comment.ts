import { type ArticleNotFound, type CommentDraft, newComment } from '@conduit/domain';
import { err, ok, ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { FeatureDisabled } from '../features.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { CommentView } from '../read-models/comment-view.js';

export type AddCommentCommand = CommentDraft;

export const makeAddComment =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock'>) =>
  (ctx: AuthenticatedContext, slug: string, command: AddCommentCommand): ResultAsync<CommentView, ArticleNotFound | FeatureDisabled> =>
    safeTry(async function* () {
      if (!ctx.features.comments) return err({ type: 'FeatureDisabled', feature: 'comments' } as const);
      // The comment and its article's check are one write: no lock on the article between round trips.
      // No article is an Err of the unit of work, so that nothing of it commits (an idempotency key's claim included).
      const comment = yield* deps.unitOfWork.runOneWrite((repositories) =>
        ResultAsync.fromSafePromise(repositories.comments.add(slug, newComment(command, ctx.actor.userId, deps.clock.now()))).andThen(
          (stored) => (stored === null ? err({ type: 'ArticleNotFound', slug } as const) : ok(stored)),
        ),
      );
      const view = await readAfterCommit(() => deps.queries.comments.byId(comment.id, ctx.actor.userId));
      // Committed a moment ago: it is gone only if its article was deleted since, with its comments.
      return view === null ? err({ type: 'ArticleNotFound', slug } as const) : ok(view);
    });
