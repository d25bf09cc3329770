import { type ArticleNotFound, type CommentDraft, newComment } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import { findArticleForChange } from '../articles/find-article.js';
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
      const comment = yield* deps.unitOfWork.run((repositories) =>
        safeTry(async function* () {
          const article = yield* await findArticleForChange(repositories.articles, slug);
          return ok(await repositories.comments.add(newComment(command, article.id, ctx.actor.userId, deps.clock.now())));
        }),
      );
      const view = await readAfterCommit(() => deps.queries.comments.byId(comment.id, ctx.actor.userId));
      // Committed a moment ago: it is gone only if its article was deleted since, with its comments.
      return view === null ? err({ type: 'ArticleNotFound', slug } as const) : ok(view);
    });
