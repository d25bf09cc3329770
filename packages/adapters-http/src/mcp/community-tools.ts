import { checkCommentDraft, checkProfileChanges, commentId, MAX_ID } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { err } from 'neverthrow';
import { presentSingleComment } from '../presenters/comment.presenter.js';
import { presentProfileResponse } from '../presenters/profile.presenter.js';
import { presentUser } from '../presenters/user.presenter.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { NewCommentBody, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { slugParam, usernameParam } from '../schemas/fields.js';
import { ProfileResponse } from '../schemas/profile.schemas.js';
import { UpdateUserBody, UserResponse } from '../schemas/user.schemas.js';
import { answer, readTool, writeTool } from './mcp-tool.js';

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
  readTool({
    name: 'get_profile',
    title: 'Read a profile',
    description:
      "A user's public profile: username, bio, image, and whether the caller follows them. PROFILE_NOT_FOUND if nobody has this username.",
    input: usernameParam,
    output: ProfileResponse,
    hints: { readOnlyHint: true },
    run: async (useCases, ctx, { username }) => answer(await useCases.getProfile(ctx, username), presentProfileResponse),
  }),
  writeTool({
    name: 'follow_user',
    title: 'Follow a user',
    description: "Follows the user: their articles appear in the caller's feed (idempotent). Answers their profile.",
    input: usernameParam,
    output: ProfileResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (useCases, ctx, { username }) => answer(await useCases.followUser(ctx, username), presentProfileResponse),
  }),
  writeTool({
    name: 'unfollow_user',
    title: 'Unfollow a user',
    description: 'Stops following the user (idempotent). Answers their profile.',
    input: usernameParam,
    output: ProfileResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (useCases, ctx, { username }) => answer(await useCases.unfollowUser(ctx, username), presentProfileResponse),
  }),
  writeTool({
    name: 'get_current_user',
    title: 'Who am I',
    description: 'The signed-in user: username, email, bio, image, and a fresh token.',
    input: z.object({}),
    output: UserResponse,
    hints: { readOnlyHint: true },
    run: async (useCases, ctx) => answer(await useCases.getCurrentUser(ctx), presentUser),
  }),
  writeTool({
    name: 'update_current_user',
    title: 'Update my profile',
    description:
      'Changes any of `user.username`, `user.email`, `user.bio`, `user.image` ("" or null clears bio and image) and `user.password` ("" leaves it). Answers the user.',
    input: UpdateUserBody,
    output: UserResponse,
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (useCases, ctx, { user }) => {
      const changes = checkProfileChanges(user);
      if (changes.isErr()) return err(edgeProblems.validationFailed(changes.error));
      return answer(await useCases.updateUser(ctx, changes.value), presentUser);
    },
  }),
];
