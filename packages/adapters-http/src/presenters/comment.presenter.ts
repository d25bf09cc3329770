import type { CommentView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { CommentJson, MultipleCommentsResponse, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { presentProfile } from './profile.presenter.js';

const presentComment = (view: CommentView): z.infer<typeof CommentJson> => ({
  id: view.id,
  createdAt: view.createdAt.toISOString(),
  updatedAt: view.updatedAt.toISOString(),
  body: view.body,
  author: presentProfile(view.author),
});

export const presentSingleComment = (view: CommentView): z.infer<typeof SingleCommentResponse> => ({
  comment: presentComment(view),
});

export const presentComments = (views: readonly CommentView[]): z.infer<typeof MultipleCommentsResponse> => ({
  comments: views.map(presentComment),
});
