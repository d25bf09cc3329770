// Branded ids: a UserId can never be passed where an ArticleId is expected.
export type UserId = number & { readonly __brand: 'UserId' };
export type ArticleId = number & { readonly __brand: 'ArticleId' };
export type CommentId = number & { readonly __brand: 'CommentId' };

export const userId = (value: number): UserId => value as UserId;
export const articleId = (value: number): ArticleId => value as ArticleId;
export const commentId = (value: number): CommentId => value as CommentId;

/** Ids are positive 32-bit integers (the storage's `serial`); anything larger names nothing. */
export const MAX_ID = 2_147_483_647;

/**
 * An id written by a client or inside a token: only the canonical decimal form counts, so
 * " 5 ", "05", "5.0" and "1e0" never alias id 5. Returns null for anything else.
 */
export const parseId = (text: string): number | null => {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= MAX_ID ? value : null;
};
