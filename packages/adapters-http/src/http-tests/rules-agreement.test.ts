import { COMMENT_LIMITS, checkArticleChanges, checkArticleDraft, checkCommentDraft } from '@conduit/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewArticleBody, UpdateArticleBody } from '../schemas/article.schemas.js';
import { NewCommentBody } from '../schemas/comment.schemas.js';
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
