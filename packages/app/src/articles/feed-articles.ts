import { boundedPage } from '@conduit/domain';
import { ResultAsync } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticlePage } from '../read-models/article-view.js';
import type { PageRequest } from '../read-models/queries.js';

export const makeFeedArticles =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: AuthenticatedContext, page: PageRequest): ResultAsync<ArticlePage, never> =>
    ResultAsync.fromSafePromise(deps.queries.articles.feed(ctx.actor.userId, boundedPage(page)));
