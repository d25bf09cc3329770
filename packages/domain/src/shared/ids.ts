// Branded ids: a UserId can never be passed where an ArticleId is expected.
export type UserId = number & { readonly __brand: 'UserId' };
export type ArticleId = number & { readonly __brand: 'ArticleId' };
export type CommentId = number & { readonly __brand: 'CommentId' };

export const userId = (value: number): UserId => value as UserId;
export const articleId = (value: number): ArticleId => value as ArticleId;
export const commentId = (value: number): CommentId => value as CommentId;
