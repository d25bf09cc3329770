import { type ArticleDraft, type ArticleNotFound, newArticle, publishAsSelf } from '@conduit/domain';
import { type ResultAsync, safeTry } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { ArticleView } from '../read-models/article-view.js';
import { chooseSlug, saveUnderFreeSlug } from './choose-slug.js';
import { loadArticleView } from './load-article-view.js';

export type CreateArticleCommand = ArticleDraft;

export const makeCreateArticle =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock' | 'suffixes'>) =>
  (ctx: AuthenticatedContext, command: CreateArticleCommand): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      const created = yield* saveUnderFreeSlug((forceSuffix) =>
        deps.unitOfWork.run((repositories) =>
          asyncResult(async () => {
            const article = newArticle(command, ctx.actor.userId, deps.clock.now(), publishAsSelf(ctx.actor));
            const slug = await chooseSlug(repositories.articles, deps.suffixes, article.slug, forceSuffix);
            return repositories.articles.add({ ...article, slug });
          }),
        ),
      );
      return readAfterCommit(() => loadArticleView(deps, created.slug, ctx.actor.userId));
    });
