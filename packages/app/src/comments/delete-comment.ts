import { type ArticleNotFound, type CommentDeleteForbidden, type CommentId, type CommentNotFound, canDeleteComment } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import { findArticleForChange } from '../articles/find-article.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';

export const makeDeleteComment =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, slug: string, id: CommentId): ResultAsync<void, ArticleNotFound | CommentNotFound | CommentDeleteForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const article = yield* await findArticleForChange(repositories.articles, slug);
        const comment = await repositories.comments.findOnArticle(article.id, id);
        if (comment === null) return err({ type: 'CommentNotFound', id } as const);
        const allowed = yield* canDeleteComment(ctx.actor, comment, article);
        await repositories.comments.remove(comment.id, allowed);
        return ok(undefined);
      }),
    );
