import { type ArticleNotFound, viewerIdOf } from '@conduit/domain';
import type { ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';
import { loadArticleView } from './load-article-view.js';

export const makeGetArticle =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: Context, slug: string): ResultAsync<ArticleView, ArticleNotFound> =>
    asyncResult(() => loadArticleView(deps, slug, viewerIdOf(ctx.actor)));
