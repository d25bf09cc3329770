import type { UseCases } from '@conduit/app';
import { commentId } from '@conduit/domain';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { commentOperations } from '../operations/comment-operations.js';
import { registerOperations } from '../operations/http-operation.js';
import { presentComments } from '../presenters/comment.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { CommentParams, MultipleCommentsResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { json } from './json-content.js';
import { respond, respondEmpty, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Comments'];

export const listCommentsRoute = optionalAuthRoute({
  method: 'get',
  path: '/articles/{slug}/comments',
  operationId: 'GetArticleComments',
  tags,
  summary: "An article's comments, oldest first",
  request: { params: slugParam },
  responses: {
    200: { description: 'The comments', ...json(MultipleCommentsResponse) },
    ...problemResponses(422, ...failureStatuses('listComments', ['ArticleNotFound'])),
  },
});

export const deleteCommentRoute = authenticatedRoute({
  method: 'delete',
  path: '/articles/{slug}/comments/{id}',
  operationId: 'DeleteArticleComment',
  tags,
  summary: "Delete one's own comment",
  request: { params: CommentParams },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 422, ...failureStatuses('deleteComment', ['ArticleNotFound', 'CommentNotFound', 'CommentDeleteForbidden'])),
  },
});

export const commentsRouter = (useCases: UseCases) => {
  const router = createRouter()
    .openapi(listCommentsRoute, async (c) => {
      const result = await useCases.listComments(useCaseContext(c), c.req.valid('param').slug);
      return respond(c, result, presentComments, 200);
    })
    .openapi(deleteCommentRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const result = await useCases.deleteComment(useCaseContext(c), slug, commentId(id));
      return respondEmpty(c, result);
    });
  registerOperations(router, useCases, commentOperations);
  return router;
};
