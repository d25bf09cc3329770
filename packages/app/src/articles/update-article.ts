import { type ArticleChanges, type ArticleEditForbidden, type ArticleNotFound, canEditArticle, editArticle } from '@conduit/domain';
import { type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { readAfterCommit } from '../read-after-commit.js';
import type { ArticleView } from '../read-models/article-view.js';
import { saveUnderFreeSlug, slugToTry } from './choose-slug.js';
import { findArticleForChange } from './find-article.js';
import { loadArticleView } from './load-article-view.js';

/** Omitted fields stay unchanged. */
export type UpdateArticleCommand = ArticleChanges;

export const makeUpdateArticle =
  (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock' | 'suffixes'>) =>
  (
    ctx: AuthenticatedContext,
    slug: string,
    command: UpdateArticleCommand,
  ): ResultAsync<ArticleView, ArticleNotFound | ArticleEditForbidden> =>
    safeTry(async function* () {
      const saved = yield* saveUnderFreeSlug((forceSuffix) =>
        deps.unitOfWork.run((repositories) =>
          safeTry(async function* () {
            const article = yield* await findArticleForChange(repositories.articles, slug);
            const allowed = yield* canEditArticle(ctx.actor, article);
            const edited = editArticle(article, command, deps.clock.now(), allowed);
            const newSlug = edited.slug === article.slug ? edited.slug : slugToTry(deps.suffixes, edited.slug, forceSuffix);
            return repositories.articles.update({ ...edited, slug: newSlug }, allowed);
          }),
        ),
      );
      return readAfterCommit(() => loadArticleView(deps, saved.slug, ctx.actor.userId));
    });
