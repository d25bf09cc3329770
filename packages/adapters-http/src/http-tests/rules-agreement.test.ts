import {
  COMMENT_LIMITS,
  checkArticleChanges,
  checkArticleDraft,
  checkCommentDraft,
  checkProfileChanges,
  checkSignUp,
  USER_LIMITS,
} from '@conduit/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewArticleBody, UpdateArticleBody } from '../schemas/article.schemas.js';
import { NewCommentBody } from '../schemas/comment.schemas.js';
import { NewUserBody, UpdateUserBody } from '../schemas/user.schemas.js';
import { fieldErrors } from '../validation/validation-hook.js';

/** Text near every rule's edge: blank, padded, too long, unstorable. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('', '   ', ' padded ', 'a\u0000b', '\uD800', 'é'),
    fc.constant('x'.repeat(max)),
    fc.constant('x'.repeat(max + 1)),
  );
const value = (max: number) => fc.oneof({ weight: 6, arbitrary: text(max) }, fc.constant(undefined), fc.constant(null), fc.integer());
const tags = fc.oneof(
  { weight: 4, arbitrary: fc.array(text(64), { maxLength: 22 }) },
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('a,b'),
  fc.array(fc.integer(), { maxLength: 2 }),
);

describe('the domain rules of a new article and the POST /api/articles schema', () => {
  it('accept and refuse the same articles, with the same values and the same errors', () => {
    fc.assert(
      fc.property(value(200), value(1000), value(100_000), tags, (title, description, body, tagList) => {
        const candidate = { title, description, body, tagList };
        const edge = NewArticleBody.safeParse({ article: candidate });
        const domain = checkArticleDraft(candidate);
        if (edge.success) {
          expect(domain._unsafeUnwrap()).toEqual({ ...edge.data.article, tagList: edge.data.article.tagList ?? [] });
        } else {
          expect(domain._unsafeUnwrapErr()).toEqual(fieldErrors(edge.error, 'json'));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** A field of an update: left out, or any value near the rules' edges. */
const maybe = (arbitrary: fc.Arbitrary<unknown>) => fc.option(arbitrary, { nil: undefined, freq: 2 });

describe('the domain rules of changes to an article and the PUT /api/articles/:slug schema', () => {
  it('accept and refuse the same changes, with the same values and the same errors', () => {
    fc.assert(
      fc.property(maybe(value(200)), maybe(value(1000)), maybe(value(100_000)), maybe(tags), (title, description, body, tagList) => {
        const candidate = Object.fromEntries(
          Object.entries({ title, description, body, tagList }).filter(([, field]) => field !== undefined),
        );
        const edge = UpdateArticleBody.safeParse({ article: candidate });
        const domain = checkArticleChanges(candidate);
        if (edge.success) {
          expect(domain._unsafeUnwrap()).toEqual(
            Object.fromEntries(Object.entries(edge.data.article).filter(([, field]) => field !== undefined)),
          );
        } else {
          expect(domain._unsafeUnwrapErr()).toEqual(fieldErrors(edge.error, 'json'));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the domain rules of a new comment and the POST /api/articles/:slug/comments schema', () => {
  it('accept and refuse the same comments, with the same values and the same errors', () => {
    fc.assert(
      fc.property(value(COMMENT_LIMITS.body), (body) => {
        const edge = NewCommentBody.safeParse({ comment: { body } });
        const domain = checkCommentDraft({ body });
        if (edge.success) expect(domain._unsafeUnwrap()).toEqual(edge.data.comment);
        else expect(domain._unsafeUnwrapErr()).toEqual(fieldErrors(edge.error, 'json'));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Account fields near every rule's edge: the article texts' cases, plus names, addresses and URLs. */
const accountText = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: text(max) },
    fc.constantFrom('jake', 'ja ke', 'jake!', 'jake@example.com', ' jake@example.com ', 'a@b', 'a.@b.co', 'x@y.io', "o'neil@ex-ample.org"),
    fc.constantFrom('password', 'short', '        ', ' spaced password ', 'https://example.com/a.png', 'ftp://x', ''),
    fc.constant('p'.repeat(257)),
  );
const accountValue = (max: number) =>
  fc.oneof({ weight: 6, arbitrary: accountText(max) }, fc.constant(undefined), fc.constant(null), fc.integer());
const withoutMissing = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined));

describe('the domain rules of an account and the POST /api/users and PUT /api/user schemas', () => {
  it('accept and refuse the same sign-ups, with the same values and the same errors', () => {
    fc.assert(
      fc.property(
        accountValue(USER_LIMITS.username),
        accountValue(USER_LIMITS.email),
        accountValue(USER_LIMITS.passwordMax),
        (username, email, password) => {
          const candidate = { username, email, password };
          const edge = NewUserBody.safeParse({ user: candidate });
          const domain = checkSignUp(candidate);
          if (edge.success) expect(domain._unsafeUnwrap()).toEqual(edge.data.user);
          else expect(domain._unsafeUnwrapErr()).toEqual(fieldErrors(edge.error, 'json'));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accept and refuse the same settings changes, with the same values and the same errors', () => {
    fc.assert(
      fc.property(
        maybe(accountValue(USER_LIMITS.username)),
        maybe(accountValue(USER_LIMITS.email)),
        maybe(accountValue(USER_LIMITS.passwordMax)),
        maybe(accountValue(USER_LIMITS.bio)),
        maybe(accountValue(USER_LIMITS.image)),
        (username, email, password, bio, image) => {
          const candidate = withoutMissing({ username, email, password, bio, image });
          const edge = UpdateUserBody.safeParse({ user: candidate });
          const domain = checkProfileChanges(candidate);
          if (edge.success) expect(domain._unsafeUnwrap()).toEqual(withoutMissing(edge.data.user));
          else expect(domain._unsafeUnwrapErr()).toEqual(fieldErrors(edge.error, 'json'));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
