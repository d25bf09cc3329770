import { type ArticleDraft, type ArticleNotFound, newArticle, publishAsSelf } from '@conduit/domain';
import { type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { ArticleView } from '../read-models/article-view.js';
import { saveUnderFreeSlug, slugToTry } from './choose-slug.js';
import { loadArticleView } from './load-article-view.js';

export type CreateArticleCommand = ArticleDraft;

export const makeCreateArticle =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock' | 'suffixes'>) =>
  (ctx: AuthenticatedContext, command: CreateArticleCommand): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      const article = newArticle(command, ctx.actor.userId, deps.clock.now(), publishAsSelf(ctx.actor));
      // The article, its tags and every counter are one statement: one write, no transaction around it.
      const created = yield* saveUnderFreeSlug((forceSuffix) =>
        deps.unitOfWork.runOneWrite((repositories) =>
          repositories.articles.add({ ...article, slug: slugToTry(deps.suffixes, article.slug, forceSuffix) }),
        ),
      );
      return readAfterCommit(() => loadArticleView(deps, created.slug, ctx.actor.userId));
    });
