import { type ArticleDraft, type CurrentUserGone, newArticle, publishAsSelf } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ArticleView } from '../read-models/article-view.js';
import { ownNewArticleView } from '../read-models/own-writes.js';
import { writerProfile } from '../users/writer-profile.js';
import { saveUnderFreeSlug, slugToTry } from './choose-slug.js';

export type CreateArticleCommand = ArticleDraft;

/**
 * One write (the article under its slug or, if taken, a suffixed one; its tags and every counter in
 * one statement, no transaction around it),
 * answered with what was written and the author's profile: nothing is read back, so a delete or
 * an edit racing in right after cannot turn a published article into an error.
 */
export const makeCreateArticle =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'suffixes'>) =>
  (ctx: AuthenticatedContext, command: CreateArticleCommand): ResultAsync<ArticleView, CurrentUserGone> =>
    safeTry(async function* () {
      const self = await writerProfile(deps, ctx);
      if (self === null) return err({ type: 'CurrentUserGone' } as const);
      const article = newArticle(command, ctx.actor.userId, deps.clock.now(), publishAsSelf(ctx.actor));
      // The suffixed slug goes along as the fallback: a taken title (a test suite's, an "Untitled")
      // costs no second write. Only a concurrent writer taking the chosen slug first does.
      const suffixed = () => slugToTry(deps.suffixes, article.slug, true);
      const created = yield* saveUnderFreeSlug((forceSuffix) =>
        deps.unitOfWork.runOneWrite((repositories) =>
          forceSuffix ? repositories.articles.add({ ...article, slug: suffixed() }) : repositories.articles.add(article, suffixed()),
        ),
      );
      return ok(ownNewArticleView(created, self));
    });
