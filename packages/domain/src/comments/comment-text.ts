import { err, ok, type Result } from 'neverthrow';
import { type FieldErrors, field, requiredText } from '../shared/text-rules.js';

/** How long a comment may be. The HTTP schema takes its limit from here. */
export const COMMENT_LIMITS = { body: 10_000 } as const;

declare const checked: unique symbol;

/** A comment's fields that passed the rules (`checkCommentDraft`, the only way to make one). */
export type CommentDraft = { readonly body: string; readonly [checked]: 'CommentDraft' };

/**
 * The rules of a new comment, and the only way to make a `CommentDraft`, whichever driver asks:
 * the same limit and words as a POST /api/articles/:slug/comments answered with 422.
 */
export const checkCommentDraft = (candidate: unknown): Result<CommentDraft, FieldErrors> => {
  const body = requiredText(field(candidate, 'body'), COMMENT_LIMITS.body);
  return 'problem' in body ? err({ body: [body.problem] }) : ok({ body: body.text } as CommentDraft);
};
