import { boundedPage, viewerIdOf } from '@conduit/domain';
import { ResultAsync } from 'neverthrow';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticlePage } from '../read-models/article-view.js';
import type { ArticleFilter, PageRequest } from '../read-models/queries.js';

export type ListArticlesQuery = ArticleFilter & PageRequest;

export const makeListArticles =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: Context, query: ListArticlesQuery): ResultAsync<ArticlePage, never> => {
    const { limit, offset, after, ...filter } = query;
    return ResultAsync.fromSafePromise(deps.queries.articles.list(filter, boundedPage({ limit, offset, after }), viewerIdOf(ctx.actor)));
  };
