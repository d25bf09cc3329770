import type { ArticleNotFound } from '@conduit/domain';
import { ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { ArticleView } from '../read-models/article-view.js';
import { findArticleForChange } from './find-article.js';
import { loadArticleView } from './load-article-view.js';

type FavoriteChange = 'favorite' | 'unfavorite';

/** Favorite and unfavorite are idempotent; both answer with the article as the viewer now sees it. */
const makeChangeFavorite =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>, change: FavoriteChange) =>
  (ctx: AuthenticatedContext, slug: string): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      yield* deps.unitOfWork.run((repositories) =>
        safeTry(async function* () {
          const article = yield* await findArticleForChange(repositories.articles, slug);
          if (change === 'favorite') await repositories.favorites.add(ctx.actor.userId, article.id);
          else await repositories.favorites.remove(ctx.actor.userId, article.id);
          return ok(undefined);
        }),
      );
      return readAfterCommit(() => loadArticleView(deps, slug, ctx.actor.userId));
    });

export const makeFavoriteArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>) => makeChangeFavorite(deps, 'favorite');
export const makeUnfavoriteArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>) => makeChangeFavorite(deps, 'unfavorite');
