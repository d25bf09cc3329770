/**
 * A batch script against PostgreSQL (`DATABASE_URL`, or the data folder's running database): signs
 * in a digest author (signing them up the first time), reads the newest articles, and publishes a
 * digest of them, all through the same use cases, rules and permissions as the server. Prints the
 * digest's slug as one JSON line.
 *
 *   DIGEST_PASSWORD=… node apps/scripts/dist/publish-digest.js
 *
 * DIGEST_AUTHOR names the author (default `digest-bot`, email `<author>@example.com`); CONDUIT_TENANT
 * the publication it works on (default `default`), as `conduit --tenant` does.
 */
import { ALL_FEATURES_ON } from '@conduit/app';
import { composeCore, createLogger, parseConfig } from '@conduit/composition';
import { checkArticleDraft, checkSignUp } from '@conduit/domain';

const parsed = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
if (!parsed.ok) throw new Error(parsed.message);
const author = process.env.DIGEST_AUTHOR ?? 'digest-bot';
const given = process.env.DIGEST_PASSWORD;
if (given === undefined) throw new Error('DIGEST_PASSWORD must be set');
const password: string = given;

const core = await composeCore(parsed.config, createLogger(parsed.config), { databaseMode: 'shared', poolSize: 1 });
try {
  await core.tenants.runNamed(process.env.CONDUIT_TENANT ?? 'default', publishDigest);
} finally {
  await core.close();
}

async function publishDigest() {
  const { useCases, tokens } = core;
  const anonymous = { actor: { kind: 'anonymous' as const }, features: ALL_FEATURES_ON };
  const email = `${author}@example.com`;
  const signedIn = await useCases
    .loginUser(anonymous, { email, password })
    .orElse(() => checkSignUp({ username: author, email, password }).asyncAndThen((signUp) => useCases.registerUser(anonymous, signUp)));
  if (signedIn.isErr()) throw new Error(`${author} can neither sign in nor sign up: ${JSON.stringify(signedIn.error)}`);
  const { actor, self } = (await tokens.verify(signedIn.value.token).andThen((id) => useCases.resolveActor(id)))._unsafeUnwrap();

  const newest = (await useCases.listArticles(anonymous, { limit: 5, offset: 0 }))._unsafeUnwrap().articles;
  const lines = newest
    .filter((article) => article.author.username !== author)
    .map((article) => `- ${article.title} (/article/${article.slug})`);
  // Made by the domain's rules, like any other draft: a digest of nothing is still a valid article.
  const draft = checkArticleDraft({
    title: `Digest of ${new Date().toISOString().slice(0, 10)}`,
    description: `The ${lines.length} newest articles`,
    body: lines.length > 0 ? lines.join('\n') : 'Nothing new yet.',
    tagList: ['digest'],
  });
  if (draft.isErr()) throw new Error(`the digest breaks a rule: ${JSON.stringify(draft.error)}`);
  const digest = (await useCases.createArticle({ actor, self, features: ALL_FEATURES_ON }, draft.value))._unsafeUnwrap();
  process.stdout.write(`${JSON.stringify({ slug: digest.slug, author: digest.author.username, listed: lines.length })}\n`);
}
