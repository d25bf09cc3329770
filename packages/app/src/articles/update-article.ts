import {
  type ArticleChanges,
  type ArticleEditForbidden,
  type ArticleNotFound,
  canEditArticle,
  editArticle,
  withSuffix,
} from '@conduit/domain';
import { err, errAsync, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';
import { chooseFreeSlug } from './choose-slug.js';
import { findArticleForChange } from './find-article.js';
import { loadArticleView } from './load-article-view.js';

/** Omitted fields stay unchanged. */
export type UpdateArticleCommand = ArticleChanges;

export const makeUpdateArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock' | 'suffixes'>) => {
  const save = (ctx: AuthenticatedContext, slug: string, command: UpdateArticleCommand, forceSuffix: boolean) =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const article = yield* await findArticleForChange(repositories.articles, slug);
        yield* canEditArticle(ctx.actor, article);
        const edited = editArticle(article, command, deps.clock.now());
        const slugChanged = edited.slug !== article.slug;
        const newSlug = !slugChanged
          ? edited.slug
          : forceSuffix
            ? withSuffix(edited.slug, deps.suffixes.next())
            : await chooseFreeSlug(repositories.articles, deps.suffixes, edited.slug);
        return repositories.articles.update({ ...edited, slug: newSlug });
      }),
    );

  return (
    ctx: AuthenticatedContext,
    slug: string,
    command: UpdateArticleCommand,
  ): ResultAsync<ArticleView, ArticleNotFound | ArticleEditForbidden> =>
    safeTry(async function* () {
      const saved = await save(ctx, slug, command, false).orElse((error) =>
        error.type === 'SlugTaken' ? save(ctx, slug, command, true) : errAsync(error),
      );
      if (saved.isErr()) {
        const error = saved.error;
        if (error.type === 'SlugTaken') throw new Error(`No free slug found for "${error.slug}"`);
        return err(error);
      }
      return loadArticleView(deps, saved.value.slug, ctx.actor.userId);
    });
};
