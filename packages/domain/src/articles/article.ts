import { type Authorized, assertAuthorized } from '../shared/authorized.js';
import type { ArticleId, UserId } from '../shared/ids.js';

export type Article = {
  readonly id: ArticleId;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly body: string;
  /** Sorted, without duplicates: see `normalizeTags`. */
  readonly tagList: readonly string[];
  readonly authorId: UserId;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type NewArticle = Omit<Article, 'id'>;

/** The fields a writer gives an article. */
export type ArticleFields = {
  readonly title: string;
  readonly description: string;
  readonly body: string;
  readonly tagList: readonly string[];
};

declare const checked: unique symbol;

/**
 * A new article's fields that passed the rules (`checkArticleDraft`, the only way to make one):
 * a use case cannot be handed text nobody checked, whichever driver calls it.
 */
export type ArticleDraft = ArticleFields & { readonly [checked]: 'ArticleDraft' };

/** Changes to an article that passed the rules (`checkArticleChanges`, the only way to make them); omitted fields stay. */
export type ArticleChanges = Partial<ArticleFields> & { readonly [checked]: 'ArticleChanges' };

const MAX_SLUG_LENGTH = 80;

/**
 * A URL-safe slug from a title: ASCII letters and digits joined by single dashes. Titles with no
 * such characters (e.g. only emoji or CJK) still get a usable slug.
 */
export const slugify = (title: string): string => {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'article' : slug;
};

export const withSuffix = (slug: string, suffix: string): string => `${slug}-${suffix}`;

/** Clients and test suites expect tags trimmed, de-duplicated and in alphabetical order. */
export const normalizeTags = (tags: readonly string[]): string[] =>
  [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A new article by `authorId`, with the publish-as policy's proof for that author. */
export const newArticle = (draft: ArticleDraft, authorId: UserId, now: Date, allowed: Authorized<'article:publish-as'>): NewArticle => {
  assertAuthorized(allowed, 'article:publish-as', authorId);
  return {
    slug: slugify(draft.title),
    title: draft.title,
    description: draft.description,
    body: draft.body,
    tagList: normalizeTags(draft.tagList),
    authorId,
    createdAt: now,
    updatedAt: now,
  };
};

/**
 * Omitted fields stay unchanged; a new title gives a new slug, `tagList: []` removes every tag.
 * Needs the edit policy's proof for this article.
 */
export const editArticle = (article: Article, changes: ArticleChanges, now: Date, allowed: Authorized<'article:edit'>): Article => {
  assertAuthorized(allowed, 'article:edit', article.id);
  const title = changes.title ?? article.title;
  return {
    ...article,
    title,
    slug: title === article.title ? article.slug : slugify(title),
    description: changes.description ?? article.description,
    body: changes.body ?? article.body,
    tagList: changes.tagList === undefined ? article.tagList : normalizeTags(changes.tagList),
    updatedAt: now,
  };
};
