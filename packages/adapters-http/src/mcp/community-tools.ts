import { commentId, MAX_ID } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { commentOperations } from '../operations/comment-operations.js';
import { toolOf } from '../operations/mcp-operation.js';
import { profileOperations } from '../operations/profile-operations.js';
import { userOperations } from '../operations/user-operations.js';
import { slugParam } from '../schemas/fields.js';
import { answer, writeTool } from './mcp-tool.js';

const [getProfile, followUser, unfollowUser] = profileOperations;
const [addComment] = commentOperations;
const [getCurrentUser, updateCurrentUser] = userOperations;

/** A comment's `id` as comments carry it (a number); HTTP has it as path text. */
const commentIdArgument = z
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, `must be a whole number from 1 to ${MAX_ID}`)
  .max(MAX_ID, `must be a whole number from 1 to ${MAX_ID}`);

export const communityTools = [
  toolOf(addComment),
  writeTool({
    name: 'delete_comment',
    title: 'Delete a comment',
    description: "Deletes the caller's comment `id` under the article `slug` (an article's author may delete any comment on it).",
    input: z.object({ ...slugParam.shape, id: commentIdArgument }),
    output: z.object({ deleted: z.object({ slug: z.string(), id: z.number().int() }) }),
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (useCases, ctx, { slug, id }) =>
      answer(await useCases.deleteComment(ctx, slug, commentId(id)), () => ({ deleted: { slug, id } })),
  }),
  toolOf(getProfile),
  toolOf(followUser),
  toolOf(unfollowUser),
  toolOf(getCurrentUser),
  toolOf(updateCurrentUser),
];
