import { type ArticleDeleteForbidden, type ArticleNotFound, canDeleteArticle } from '@conduit/domain';
import { ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { findArticleForChange } from './find-article.js';

export const makeDeleteArticle =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, slug: string): ResultAsync<void, ArticleNotFound | ArticleDeleteForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const article = yield* await findArticleForChange(repositories.articles, slug);
        const allowed = yield* canDeleteArticle(ctx.actor, article);
        await repositories.articles.remove(article.id, allowed);
        return ok(undefined);
      }),
    );
