import type { ArticleNotFound } from '@conduit/domain';
import { err, ok, ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { ArticleView } from '../read-models/article-view.js';
import { loadArticleView } from './load-article-view.js';

type FavoriteChange = 'favorite' | 'unfavorite';

/**
 * Favorite and unfavorite are idempotent; both answer with the article as the viewer now sees it.
 * The change is one write (the favorite and the article's count together), with no lock held on
 * the article between round trips: a popular article's favorites do not queue behind each other's.
 */
const makeChangeFavorite =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>, change: FavoriteChange) =>
  (ctx: AuthenticatedContext, slug: string): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      // No article is an Err of the unit of work, so that nothing of it commits (an idempotency key's claim included).
      yield* deps.unitOfWork.runOneWrite((repositories) =>
        ResultAsync.fromSafePromise(
          change === 'favorite'
            ? repositories.favorites.add(ctx.actor.userId, slug)
            : repositories.favorites.remove(ctx.actor.userId, slug),
        ).andThen((found) => (found ? ok(undefined) : err({ type: 'ArticleNotFound', slug } as const))),
      );
      return readAfterCommit(() => loadArticleView(deps, slug, ctx.actor.userId));
    });

export const makeFavoriteArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>) => makeChangeFavorite(deps, 'favorite');
export const makeUnfavoriteArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries'>) => makeChangeFavorite(deps, 'unfavorite');
