import { MAX_ID } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { idParam, LIMITS, requiredText, slugParam } from './fields.js';
import { ProfileJson } from './profile.schemas.js';

const timestamp = z.iso.datetime();

export const CommentJson = z
  .object({ id: z.number().int(), createdAt: timestamp, updatedAt: timestamp, body: z.string(), author: ProfileJson })
  .openapi('Comment');

export const SingleCommentResponse = z.object({ comment: CommentJson }).openapi('SingleCommentResponse');
export const MultipleCommentsResponse = z.object({ comments: z.array(CommentJson) }).openapi('MultipleCommentsResponse');

export const NewCommentBody = z
  .object({ comment: z.object({ body: requiredText(LIMITS.comment).openapi({ example: 'Thank you!' }) }) })
  .openapi('NewCommentRequest');

export const CommentParams = slugParam.extend({ id: idParam('id') });

/** The same, as a JSON argument (MCP): the comment's `id` is a number there, as comments carry it, not path text. */
export const CommentArguments = slugParam.extend({
  id: z
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, `must be a whole number from 1 to ${MAX_ID}`)
    .max(MAX_ID, `must be a whole number from 1 to ${MAX_ID}`),
});
