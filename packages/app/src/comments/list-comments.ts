import { type ArticleNotFound, viewerIdOf } from '@conduit/domain';
import { ok, type ResultAsync, safeTry } from 'neverthrow';
import { findArticle } from '../articles/find-article.js';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { CommentView } from '../read-models/comment-view.js';

export const makeListComments =
  (deps: Pick<AppDeps, 'repositories' | 'queries'>) =>
  (ctx: Context, slug: string): ResultAsync<CommentView[], ArticleNotFound> =>
    safeTry(async function* () {
      const article = yield* await findArticle(deps.repositories.articles, slug);
      return ok(await deps.queries.comments.forArticle(article.id, viewerIdOf(ctx.actor)));
    });
