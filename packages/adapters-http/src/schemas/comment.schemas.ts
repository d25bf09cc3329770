import { z } from '@hono/zod-openapi';
import { LIMITS, requiredText } from './fields.js';
import { Profile } from './profile.schemas.js';

const timestamp = z.iso.datetime();

export const Comment = z
  .object({ id: z.number().int(), createdAt: timestamp, updatedAt: timestamp, body: z.string(), author: Profile })
  .openapi('Comment');

export const SingleCommentResponse = z.object({ comment: Comment }).openapi('SingleCommentResponse');
export const MultipleCommentsResponse = z.object({ comments: z.array(Comment) }).openapi('MultipleCommentsResponse');

export const NewCommentBody = z
  .strictObject({ comment: z.strictObject({ body: requiredText(LIMITS.comment).openapi({ example: 'Thank you!' }) }) })
  .openapi('NewCommentRequest');

export const CommentParams = z.object({
  slug: z.string().min(1).max(LIMITS.slug).openapi({ param: { name: 'slug', in: 'path' } }),
  id: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .positive('must be positive')
    .max(2_147_483_647, 'is out of range')
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});
