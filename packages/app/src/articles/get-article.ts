import { type ArticleNotFound, viewerIdOf } from '@conduit/domain';
import { type ResultAsync, safeTry } from 'neverthrow';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';
import { loadArticleView } from './load-article-view.js';

export const makeGetArticle =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: Context, slug: string): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      return loadArticleView(deps, slug, viewerIdOf(ctx.actor));
    });
