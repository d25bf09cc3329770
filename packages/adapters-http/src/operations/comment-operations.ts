import { checkCommentDraft, commentId } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { presentComments, presentSingleComment } from '../presenters/comment.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import {
  CommentArguments,
  CommentParams,
  MultipleCommentsResponse,
  NewCommentBody,
  SingleCommentResponse,
} from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { operation } from './operation.js';

const tags = ['Comments'];

export const listComments = operation({
  auth: 'optional',
  http: {
    method: 'get',
    path: '/articles/{slug}/comments',
    operationId: 'GetArticleComments',
    tags,
    summary: "An article's comments, oldest first",
    status: 200,
    description: 'The comments',
  },
  request: { params: slugParam },
  response: MultipleCommentsResponse,
  failures: failureStatuses('listComments', ['ArticleNotFound']),
  run: (useCases, ctx, { slug }) => useCases.listComments(ctx, slug),
  present: presentComments,
  // On MCP, get_article answers the comments with the article.
});

export const commentOperations = [
  listComments,
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/articles/{slug}/comments',
      operationId: 'CreateArticleComment',
      tags,
      summary: 'Comment on an article',
      status: 200,
      description: 'The new comment',
    },
    request: { params: slugParam, body: NewCommentBody },
    response: SingleCommentResponse,
    // 403: comments are switched off (feature flag).
    failures: failureStatuses('addComment', ['ArticleNotFound', 'FeatureDisabled', 'CurrentUserGone']),
    check: ({ comment }) => checkCommentDraft(comment),
    run: (useCases, ctx, draft, { slug }) => useCases.addComment(ctx, slug, draft),
    present: presentSingleComment,
    mcp: {
      name: 'add_comment',
      title: 'Comment on an article',
      description: 'Adds `comment.body` under the article with this slug, by the caller. Answers the comment with its `id`.',
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/articles/{slug}/comments/{id}',
      operationId: 'DeleteArticleComment',
      tags,
      summary: "Delete one's own comment",
      status: 204,
      description: 'Deleted',
    },
    request: { params: CommentParams },
    response: undefined,
    failures: failureStatuses('deleteComment', ['ArticleNotFound', 'CommentNotFound', 'CommentDeleteForbidden']),
    run: (useCases, ctx, { slug, id }) => useCases.deleteComment(ctx, slug, commentId(id)),
    present: () => undefined,
    mcp: {
      name: 'delete_comment',
      title: 'Delete a comment',
      description: "Deletes the caller's comment `id` under the article `slug` (an article's author may delete any comment on it).",
      hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
      input: CommentArguments,
      answer: {
        output: z.object({ deleted: z.object({ slug: z.string(), id: z.number().int() }) }),
        present: (_deleted, { slug, id }) => ({ deleted: { slug, id } }),
      },
    },
  }),
] as const;
