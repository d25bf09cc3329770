import { err, ok, type Result } from 'neverthrow';
import type { ArticleDraft } from './article.js';

/** How long each part of an article may be. The HTTP schemas take their limits from here. */
export const ARTICLE_LIMITS = { title: 200, description: 1000, body: 100_000, tag: 64, tags: 20 } as const;

/** Problems by field, worded as RealWorld clients show them: `{"title":["can't be blank"]}`. */
export type FieldErrors = Record<string, string[]>;

export const BLANK = "can't be blank";
export const tooLong = (max: number) => `is too long (maximum is ${max} characters)`;
export const UNSTORABLE = 'contains a character that cannot be stored';

/**
 * Text PostgreSQL can store: no NUL character, no unpaired UTF-16 surrogate (which would be silently
 * replaced on the way in).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character refused here.
export const STORABLE_TEXT = /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/** Required text, trimmed: the value, or the one problem with it. */
const requiredText = (value: unknown, max: number): { text: string } | { problem: string } => {
  if (value === undefined || value === null) return { problem: BLANK };
  if (typeof value !== 'string') return { problem: 'must be a string' };
  if (!STORABLE_TEXT.test(value)) return { problem: UNSTORABLE };
  const text = value.trim();
  if (text === '') return { problem: BLANK };
  if (text.length > max) return { problem: tooLong(max) };
  return { text };
};

const field = (candidate: unknown, name: string): unknown =>
  typeof candidate === 'object' && candidate !== null ? Reflect.get(candidate, name) : undefined;

/**
 * The rules of a new article, for values nobody has checked yet (a line of an import file, another
 * instance's export): the same limits and words as a POST /api/articles answered with 422. Every
 * problem is reported, each under its field; tags as `tagList`.
 */
export const checkArticleDraft = (candidate: unknown): Result<ArticleDraft, FieldErrors> => {
  const errors: FieldErrors = {};
  const texts: Record<'title' | 'description' | 'body', string> = { title: '', description: '', body: '' };
  for (const name of ['title', 'description', 'body'] as const) {
    const checked = requiredText(field(candidate, name), ARTICLE_LIMITS[name]);
    if ('problem' in checked) errors[name] = [checked.problem];
    else texts[name] = checked.text;
  }
  const tags = field(candidate, 'tagList') ?? [];
  const tagList: string[] = [];
  if (!Array.isArray(tags)) errors.tagList = ['must be a list of strings'];
  else if (tags.length > ARTICLE_LIMITS.tags) errors.tagList = [`has too many tags (maximum is ${ARTICLE_LIMITS.tags})`];
  else {
    for (const tag of tags) {
      const checked = requiredText(tag, ARTICLE_LIMITS.tag);
      if ('problem' in checked) {
        errors.tagList = [checked.problem];
        break;
      }
      tagList.push(checked.text);
    }
  }
  return Object.keys(errors).length > 0 ? err(errors) : ok({ ...texts, tagList });
};
