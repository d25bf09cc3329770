import { checkCommentDraft, commentId, MAX_ID } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { err } from 'neverthrow';
import { toolOf } from '../operations/mcp-operation.js';
import { profileOperations } from '../operations/profile-operations.js';
import { userOperations } from '../operations/user-operations.js';
import { presentSingleComment } from '../presenters/comment.presenter.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { NewCommentBody, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { answer, writeTool } from './mcp-tool.js';

const [getProfile, followUser, unfollowUser] = profileOperations;
const [getCurrentUser, updateCurrentUser] = userOperations;

/** A comment's `id` as comments carry it (a number); HTTP has it as path text. */
const commentIdArgument = z
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, `must be a whole number from 1 to ${MAX_ID}`)
  .max(MAX_ID, `must be a whole number from 1 to ${MAX_ID}`);

export const communityTools = [
  writeTool({
    name: 'add_comment',
    title: 'Comment on an article',
    description: 'Adds `comment.body` under the article with this slug, by the caller. Answers the comment with its `id`.',
    input: z.object({ ...slugParam.shape, comment: NewCommentBody.shape.comment }),
    output: SingleCommentResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    run: async (useCases, ctx, { slug, comment }) => {
      const draft = checkCommentDraft(comment);
      if (draft.isErr()) return err(edgeProblems.validationFailed(draft.error));
      return answer(await useCases.addComment(ctx, slug, draft.value), presentSingleComment);
    },
  }),
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
