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
