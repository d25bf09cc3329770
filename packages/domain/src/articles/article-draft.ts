import { err, ok, type Result } from 'neverthrow';
import { type FieldErrors, field, NOTHING_TO_CHANGE, requiredText } from '../shared/text-rules.js';
import type { ArticleChanges, ArticleDraft, ArticleFields } from './article.js';

/** How long each part of an article may be. The HTTP schemas take their limits from here. */
export const ARTICLE_LIMITS = { title: 200, description: 1000, body: 100_000, tag: 64, tags: 20 } as const;

const TEXT_FIELDS = ['title', 'description', 'body'] as const;

/** The rules of a list of tags: at most `ARTICLE_LIMITS.tags`, each required text; the first problem. */
const checkTags = (tags: unknown): { tags: string[] } | { problem: string } => {
  if (!Array.isArray(tags)) return { problem: 'must be a list of strings' };
  if (tags.length > ARTICLE_LIMITS.tags) return { problem: `has too many tags (maximum is ${ARTICLE_LIMITS.tags})` };
  const checked: string[] = [];
  for (const tag of tags) {
    const text = requiredText(tag, ARTICLE_LIMITS.tag);
    if ('problem' in text) return { problem: text.problem };
    checked.push(text.text);
  }
  return { tags: checked };
};

/**
 * The fields of `candidate` by the rules of an article, each under its name (tags as `tagList`):
 * those present, or, with `required`, all of them (a missing text is blank; missing tags are none).
 */
const checkFields = (candidate: unknown, required: boolean): { fields: Partial<ArticleFields> } | { errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const fields: { -readonly [K in keyof ArticleFields]?: ArticleFields[K] } = {};
  for (const name of TEXT_FIELDS) {
    const value = field(candidate, name);
    if (value === undefined && !required) continue;
    const checked = requiredText(value, ARTICLE_LIMITS[name]);
    if ('problem' in checked) errors[name] = [checked.problem];
    else fields[name] = checked.text;
  }
  const tags = field(candidate, 'tagList');
  if (tags !== undefined || required) {
    const checked = checkTags(tags === undefined ? [] : tags);
    if ('problem' in checked) errors.tagList = [checked.problem];
    else fields.tagList = checked.tags;
  }
  return Object.keys(errors).length > 0 ? { errors } : { fields };
};

/**
 * The rules of a new article, and the only way to make an `ArticleDraft`: for a request body, a
 * line of an import file, a batch script's input, alike. The same limits and words as a
 * POST /api/articles answered with 422. Every problem is reported, each under its field.
 */
export const checkArticleDraft = (candidate: unknown): Result<ArticleDraft, FieldErrors> => {
  const checked = checkFields(candidate, true);
  return 'errors' in checked ? err(checked.errors) : ok(checked.fields as ArticleDraft);
};

/**
 * The rules of changes to an article, and the only way to make `ArticleChanges`: each field
 * present follows the rule of a new article; nothing to change is refused, keyed `article`.
 */
export const checkArticleChanges = (candidate: unknown): Result<ArticleChanges, FieldErrors> => {
  const checked = checkFields(candidate, false);
  if ('errors' in checked) return err(checked.errors);
  if (Object.keys(checked.fields).length === 0) return err({ article: [NOTHING_TO_CHANGE] });
  return ok(checked.fields as ArticleChanges);
};
