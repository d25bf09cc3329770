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

/** A random UUID chosen by the store: shown to its owner, never guessable from another. */
export type SessionId = string & { readonly __brand: 'SessionId' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The store's own id for a session (a UUID it generated). */
export const sessionId = (value: string): SessionId => value as SessionId;

/** A session id written by a client or inside a token: only a lower-case UUID counts. */
export const parseSessionId = (text: string): SessionId | null => (UUID.test(text) ? sessionId(text) : null);
