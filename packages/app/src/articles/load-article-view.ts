import type { ArticleNotFound, UserId } from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';

/** Reads the article as the viewer sees it; a concurrent delete surfaces as ArticleNotFound. */
export const loadArticleView = async (
  deps: Pick<AppDeps, 'queries'>,
  slug: string,
  viewerId: UserId | null,
): Promise<Result<ArticleView, ArticleNotFound>> => {
  const view = await deps.queries.articles.bySlug(slug, viewerId);
  return view === null ? err({ type: 'ArticleNotFound', slug }) : ok(view);
};
