/**
 * A batch script over the in-memory adapters (no database): two writers, a draft with a blank
 * title, a valid one, and an edit of someone else's article. It shows that the core refuses what
 * the HTTP API refuses, with the same field errors and the same authorization, without any of
 * the HTTP layer. One JSON line per step on standard output.
 *
 *   node apps/scripts/dist/editorial-rules.js
 */
import { ALL_FEATURES_ON } from '@conduit/app';
import { composeInMemoryCore } from '@conduit/composition';
import { checkArticleChanges, checkArticleDraft, checkSignUp } from '@conduit/domain';

const { useCases, tokens } = composeInMemoryCore();
const say = (step: string, outcome: unknown) => process.stdout.write(`${JSON.stringify({ step, outcome })}\n`);

const signUp = async (username: string) => {
  const context = { actor: { kind: 'anonymous' as const }, features: ALL_FEATURES_ON };
  const signUp = checkSignUp({ username, email: `${username}@example.com`, password: 'a long passphrase' });
  const user = await useCases.registerUser(context, signUp._unsafeUnwrap());
  // Signed in as the API would sign them in: the token names the user, who must still exist.
  const id = (await tokens.verify(user._unsafeUnwrap().token))._unsafeUnwrap();
  return (await useCases.resolveActor(id))._unsafeUnwrap();
};

const jake = { ...(await signUp('jake')), features: ALL_FEATURES_ON };
const ann = { ...(await signUp('ann')), features: ALL_FEATURES_ON };

// The draft is made by the domain's rules or not at all: there is no way to hand a use case a blank title.
const blank = checkArticleDraft({ title: '   ', description: 'About nothing', body: 'Nothing' });
say('draft with a blank title', blank.isErr() ? { refused: blank.error } : { accepted: blank.value });

const draft = checkArticleDraft({ title: 'Rules for every driver', description: 'One core', body: 'Checked once.', tagList: ['core'] });
if (draft.isErr()) throw new Error(`the valid draft was refused: ${JSON.stringify(draft.error)}`);
const published = (await useCases.createArticle(jake, draft.value))._unsafeUnwrap();
say('jake publishes', { slug: published.slug, author: published.author.username });

const changes = checkArticleChanges({ body: 'Rewritten by someone else.' });
if (changes.isErr()) throw new Error(`the valid changes were refused: ${JSON.stringify(changes.error)}`);
const edited = await useCases.updateArticle(ann, published.slug, changes.value);
say("ann edits jake's article", edited.isErr() ? { refused: edited.error } : { accepted: edited.value.slug });
