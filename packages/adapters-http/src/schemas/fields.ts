import {
  ARTICLE_LIMITS,
  BLANK,
  COMMENT_LIMITS,
  EMAIL_FORM,
  IMAGE_URL,
  INVALID,
  MAX_ID,
  NOT_AN_IMAGE_URL,
  NOTHING_TO_CHANGE,
  PAGE_LIMITS,
  parseId,
  STORABLE_TEXT,
  tooLong,
  tooShort,
  UNSTORABLE,
  USER_LIMITS,
  USERNAME_CHARACTERS,
  USERNAME_CHARACTERS_RULE,
} from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import '../validation/messages.js';

export const LIMITS = {
  ...USER_LIMITS,
  ...ARTICLE_LIMITS,
  comment: COMMENT_LIMITS.body,
  slug: 255,
  pageSizeMax: PAGE_LIMITS.sizeMax,
  offsetMax: PAGE_LIMITS.offsetMax,
} as const;

/** A missing field is "blank" (RealWorld's wording); a present one of the wrong type is named so. */
const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? BLANK : `must be ${expected}`;
/** Text PostgreSQL can store (the domain's rule), refused at the edge, keyed by the field, rather than failing in the driver. */
export const stringField = () => z.string({ error: typeError('a string') }).regex(STORABLE_TEXT, { error: UNSTORABLE, abort: true });

/** Required text, trimmed, 1..max characters. */
export const requiredText = (max: number) => stringField().trim().min(1, { error: BLANK, abort: true }).max(max, tooLong(max));

/** Text that may be empty (a cleared bio, an article without description), at most max characters. */
export const anyText = (max: number) => stringField().max(max, tooLong(max));

export const username = requiredText(LIMITS.username).regex(USERNAME_CHARACTERS, USERNAME_CHARACTERS_RULE).openapi({ example: 'jake' });

export const email = stringField()
  .trim()
  .min(1, { error: BLANK, abort: true })
  .max(LIMITS.email, tooLong(LIMITS.email))
  .pipe(z.email({ pattern: EMAIL_FORM, error: INVALID }))
  .openapi({ example: 'jake@jake.jake' });

/** Spaces are part of a password (never trimmed), but a password of nothing else is blank. */
export const notBlank = (value: string) => value.trim() !== '';

export const password = stringField()
  .refine(notBlank, { error: BLANK, abort: true })
  .min(LIMITS.passwordMin, tooShort(LIMITS.passwordMin))
  .max(LIMITS.passwordMax, tooLong(LIMITS.passwordMax))
  .openapi({ format: 'password', example: 'jakejake' });

/** A new password in the settings form: "" leaves it unchanged, anything else follows `password`. */
export const newPassword = stringField()
  .refine((value) => value === '' || notBlank(value), { error: BLANK, abort: true })
  .refine((value) => value === '' || value.length >= LIMITS.passwordMin, tooShort(LIMITS.passwordMin))
  .max(LIMITS.passwordMax, tooLong(LIMITS.passwordMax))
  .openapi({
    format: 'password',
    description: `"" leaves the password unchanged; otherwise ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters, not only spaces.`,
  });

/** An http(s) URL, or "" to clear the image. */
export const imageUrl = stringField()
  .max(LIMITS.image, tooLong(LIMITS.image))
  .refine((value) => value === '' || IMAGE_URL.test(value), NOT_AN_IMAGE_URL)
  .openapi({ example: 'https://api.realworld.io/images/smiley-cyrus.jpg' });

export const tagList = z
  .array(requiredText(LIMITS.tag), { error: 'must be a list of strings' })
  .max(LIMITS.tags, `has too many tags (maximum is ${LIMITS.tags})`)
  .openapi({ example: ['dragons', 'training'] });

export const slugParam = z.object({
  slug: stringField()
    .min(1)
    .max(LIMITS.slug)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'how-to-train-your-dragon' }),
});

export const usernameParam = z.object({
  username: stringField()
    .min(1)
    .max(LIMITS.username)
    .openapi({ param: { name: 'username', in: 'path' }, example: 'jake' }),
});

const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must not be negative')
  // Values above the cap are served as the cap rather than refused.
  .transform((value) => Math.min(value, LIMITS.pageSizeMax))
  .default(20)
  .openapi({ description: `Page size, default 20, at most ${LIMITS.pageSizeMax}.`, example: 20 });

const offset = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must not be negative')
  .max(LIMITS.offsetMax, `must be at most ${LIMITS.offsetMax}`)
  .default(0)
  .openapi({ example: 0 });

export const pageQuery = { limit: pageSize, offset };

/** A positive id in its canonical decimal form ("5", not " 5 ", "05" or "1e0"). */
export const idParam = (name: string) =>
  stringField()
    .refine((text) => parseId(text) !== null, `must be a whole number from 1 to ${MAX_ID}`)
    .transform((text) => parseId(text) as number)
    .openapi({ param: { name, in: 'path' }, type: 'integer', minimum: 1, maximum: MAX_ID, example: 1 });

/**
 * An update must name something to change: `{"user":{}}`, or only keys we ignore, is a 422 keyed by
 * the wrapper ("user", "article") rather than a silent no-op.
 */
export const atLeastOneField = <T extends z.ZodObject>(schema: T) =>
  schema
    .refine((value) => Object.values(value).some((field) => field !== undefined), {
      error: NOTHING_TO_CHANGE,
    })
    .openapi({ minProperties: 1 });
