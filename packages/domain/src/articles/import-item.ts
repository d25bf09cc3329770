import { err, ok, type Result } from 'neverthrow';
import { BLANK, type FieldErrors, field } from '../shared/text-rules.js';
import type { ArticleDraft } from './article.js';
import { checkArticleDraft } from './article-draft.js';

declare const checkedItem: unique symbol;

/**
 * One item of a bulk import, by the rules: a new article's draft, and the username it names as its
 * author, if any. Made only by `checkImportItem`; whether that author may be used is the
 * publish-as policy's question, asked when the item is written.
 */
export type ImportItem = { readonly draft: ArticleDraft; readonly author: string | undefined; readonly [checkedItem]: true };

/**
 * `{"article": {…}}`, the article by the rules of POST /api/articles, with an optional `"author"`
 * (a username) beside the article or in it. Every problem, each under its field.
 */
export const checkImportItem = (value: unknown): Result<ImportItem, FieldErrors> => {
  const article = field(value, 'article');
  const draft = article === undefined ? err<ArticleDraft, FieldErrors>({ article: [BLANK] }) : checkArticleDraft(article);
  const author = field(value, 'author') ?? field(article, 'author');
  const authorErrors: FieldErrors = author === undefined || typeof author === 'string' ? {} : { author: ['must be a string'] };
  if (draft.isErr() || 'author' in authorErrors) return err({ ...(draft.isErr() ? draft.error : {}), ...authorErrors });
  return ok({ draft: draft.value, author: typeof author === 'string' ? author : undefined } as ImportItem);
};
