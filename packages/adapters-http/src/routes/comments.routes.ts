import type { UseCases } from '@conduit/app';
import { commentId } from '@conduit/domain';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { presentComments, presentSingleComment } from '../presenters/comment.presenter.js';
import { appProblem } from '../problems/app-problem.js';
import { CommentParams, MultipleCommentsResponse, NewCommentBody, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
import { emptyHeaders, json, jsonHeaders } from './json-content.js';
import { createRouter } from './router.js';

const tags = ['Comments'];

export const listCommentsRoute = optionalAuthRoute({
  method: 'get',
  path: '/articles/{slug}/comments',
  operationId: 'GetArticleComments',
  tags,
  summary: "An article's comments, oldest first",
  request: { params: slugParam },
  responses: { 200: { description: 'The comments', ...json(MultipleCommentsResponse) }, ...problemResponses(404, 422) },
});

export const addCommentRoute = authenticatedRoute({
  method: 'post',
  path: '/articles/{slug}/comments',
  operationId: 'CreateArticleComment',
  tags,
  summary: 'Comment on an article',
  request: { params: slugParam, body: { ...json(NewCommentBody), required: true } },
  responses: {
    200: { description: 'The new comment', ...json(SingleCommentResponse) },
    // 403: comments are switched off (feature flag).
    ...problemResponses(...bodyProblems, 401, 403, 404),
  },
});

export const deleteCommentRoute = authenticatedRoute({
  method: 'delete',
  path: '/articles/{slug}/comments/{id}',
  operationId: 'DeleteArticleComment',
  tags,
  summary: "Delete one's own comment",
  request: { params: CommentParams },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 422) },
});

export const commentsRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(listCommentsRoute, async (c) => {
      const result = await useCases.listComments({ actor: c.get('actor'), features: c.get('features') }, c.req.valid('param').slug);
      return result.isOk() ? c.json(presentComments(result.value), 200, jsonHeaders(c)) : appProblem(c, result.error);
    })
    .openapi(addCommentRoute, async (c) => {
      const result = await useCases.addComment({ actor: c.get('actor'), features: c.get('features') }, c.req.valid('param').slug, {
        body: c.req.valid('json').comment.body,
      });
      return result.isOk() ? c.json(presentSingleComment(result.value), 200, jsonHeaders(c)) : appProblem(c, result.error);
    })
    .openapi(deleteCommentRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const result = await useCases.deleteComment({ actor: c.get('actor'), features: c.get('features') }, slug, commentId(id));
      return result.isOk() ? c.body(null, 204, emptyHeaders(c)) : appProblem(c, result.error);
    });
