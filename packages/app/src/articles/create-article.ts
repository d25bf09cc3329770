import { type ArticleDraft, type ArticleNotFound, newArticle, withSuffix } from '@conduit/domain';
import { type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';
import { chooseFreeSlug } from './choose-slug.js';
import { loadArticleView } from './load-article-view.js';

export type CreateArticleCommand = ArticleDraft;

export const makeCreateArticle = (deps: Pick<AppDeps, 'unitOfWork' | 'queries' | 'clock' | 'suffixes'>) => {
  const insert = (ctx: AuthenticatedContext, command: CreateArticleCommand, forceSuffix: boolean) =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const article = newArticle(command, ctx.actor.userId, deps.clock.now());
        const slug = forceSuffix
          ? withSuffix(article.slug, deps.suffixes.next())
          : await chooseFreeSlug(repositories.articles, deps.suffixes, article.slug);
        return repositories.articles.add({ ...article, slug });
      }),
    );

  return (ctx: AuthenticatedContext, command: CreateArticleCommand): ResultAsync<ArticleView, ArticleNotFound> =>
    safeTry(async function* () {
      // A concurrent writer can take the free slug between the check and the insert: try once more
      // with a random suffix, which cannot collide in practice.
      const created = await insert(ctx, command, false).orElse(() => insert(ctx, command, true));
      if (created.isErr()) throw new Error(`No free slug found for "${created.error.slug}"`);
      return loadArticleView(deps, created.value.slug, ctx.actor.userId);
    });
};
