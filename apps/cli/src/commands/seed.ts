import { ALL_FEATURES_ON } from '@conduit/app';
import type { Core } from '@conduit/composition';
import { anonymous, checkCommentDraft, checkSignUp, systemActor, type UserActor } from '@conduit/domain';
import { ok } from 'neverthrow';
import { demoArticle, seededRandom } from '../demo-content.js';
import { progressReport } from '../progress-report.js';

export type SeedOptions = {
  readonly users: number;
  readonly articles: number;
  readonly seed: number;
  readonly operator: string;
  /** Add another copy even though demo users already have articles. */
  readonly again?: boolean;
};

export const DEMO_PASSWORD = 'conduit-demo';
const FOLLOWS_PER_USER = 5;
/** Of each author's articles, the newest page gets favorites and comments: enough to show, cheap to make. */
const ENGAGED_PER_AUTHOR = 5;

const inParallel = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  const queue = items.entries();
  const worker = async () => {
    for (const [, item] of queue) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** How many of the demo users have articles, and how many in all: a seed run before leaves them. */
const existingDemoArticles = async (core: Core, names: readonly string[]): Promise<{ authors: number; articles: number }> => {
  const ctx = { actor: anonymous, features: ALL_FEATURES_ON };
  let authors = 0;
  let articles = 0;
  await inParallel(names, 4, async (author) => {
    const page = await core.useCases.listArticles(ctx, { author, limit: 1, offset: 0 });
    const count = page.isOk() ? page.value.articlesCount : 0;
    if (count > 0) authors += 1;
    articles += count;
  });
  return { authors, articles };
};

/**
 * `conduit seed`: demo data through the use cases, the same for the same `--seed`. Users `demo1…N`
 * (password `conduit-demo`, existing ones reused), articles spread over them through the bulk
 * import, follows, and favorites and comments on each author's newest articles.
 */
export const seed = async (core: Core, options: SeedOptions): Promise<number> => {
  const { useCases } = core;
  const names = Array.from({ length: options.users }, (_, i) => `demo${i + 1}`);
  if (!options.again) {
    const existing = await existingDemoArticles(core, names);
    if (existing.articles > 0) {
      process.stderr.write(
        `demo data exists already: ${existing.authors} of the users ${names[0]}…${names.at(-1)} have ${existing.articles} articles; ` +
          'nothing was added (--again adds another copy)\n',
      );
      return 1;
    }
  }

  const started = Date.now();
  // As a client would: sign up (or, for a user a previous seed made, log in), then the token's user.
  const actors: UserActor[] = new Array(names.length);
  await inParallel([...names.entries()], 4, async ([index, username]) => {
    const ctx = { actor: anonymous, features: ALL_FEATURES_ON };
    const email = `${username}@example.com`;
    const signUp = checkSignUp({ username, email, password: DEMO_PASSWORD });
    if (signUp.isErr()) throw new Error(`the demo user ${username} breaks a rule: ${JSON.stringify(signUp.error)}`);
    const signedUp = await useCases.registerUser(ctx, signUp.value);
    const user = signedUp.isOk() ? signedUp : await useCases.loginUser(ctx, { email, password: DEMO_PASSWORD });
    if (user.isErr()) throw new Error(`${username} exists and does not take the demo password`);
    const id = await core.tokens.verify(user.value.token);
    const actor = id.isOk() ? await useCases.resolveActor(id.value) : undefined;
    if (actor === undefined || actor.isErr()) throw new Error(`cannot act as ${username}`);
    actors[index] = actor.value.actor;
  });
  process.stderr.write(`${names.length} users in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const report = progressReport('articles', options.articles);
  let written = 0;
  let done = 0;
  // Two authors at a time: one batch is checked and built while the other is written, so both
  // cores work. Each author's articles come from a stream of their own, so the data stays the same
  // for the same seed whatever the interleaving.
  const perUser = Math.floor(options.articles / names.length);
  await inParallel([...names.entries()], 2, async ([index, username]) => {
    const count = perUser + (index < options.articles % names.length ? 1 : 0);
    const first = index * perUser + Math.min(index, options.articles % names.length);
    const own = seededRandom(options.seed * 1_000_003 + index);
    async function* lines() {
      for (let k = 0; k < count; k++) yield ok({ article: demoArticle(own, first + k + 1) });
    }
    let reported = 0;
    const imported = await useCases.importArticles(
      { actor: systemActor(options.operator) },
      {
        as: username,
        lines: lines(),
        onProgress: ({ processed }) => {
          done += processed - reported;
          reported = processed;
          report.update({ done, detail: username });
        },
      },
    );
    if (imported.isErr()) throw new Error(`cannot import as ${username}: ${imported.error.type}`);
    written += imported.value.succeeded;
  });
  report.stop();

  let follows = 0;
  let favorites = 0;
  let comments = 0;
  await inParallel([...actors.entries()], 4, async ([index, actor]) => {
    const ctx = { actor, features: ALL_FEATURES_ON };
    for (let step = 1; step <= Math.min(FOLLOWS_PER_USER, names.length - 1); step++) {
      if ((await useCases.followUser(ctx, names.at((index + step) % names.length) ?? '')).isOk()) follows += 1;
    }
    const page = await useCases.listArticles(ctx, {
      author: names.at((index + 1) % names.length) ?? '',
      limit: ENGAGED_PER_AUTHOR,
      offset: 0,
    });
    for (const article of page.isOk() ? page.value.articles : []) {
      if ((await useCases.favoriteArticle(ctx, article.slug)).isOk()) favorites += 1;
      const comment = checkCommentDraft({ body: `Thanks, ${article.author.username}: this helped.` });
      if (comment.isOk() && (await useCases.addComment(ctx, article.slug, comment.value)).isOk()) comments += 1;
    }
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `seeded ${names.length} users (password "${DEMO_PASSWORD}"), ${written} articles, ${follows} follows, ${favorites} favorites, ${comments} comments in ${seconds} s\n`,
  );
  return 0;
};
