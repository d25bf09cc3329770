import type { UseCases } from '@conduit/app';
import { checkCommentDraft, commentId } from '@conduit/domain';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { presentComments, presentSingleComment } from '../presenters/comment.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { CommentParams, MultipleCommentsResponse, NewCommentBody, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
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
    ...problemResponses(...bodyProblems, 401, ...failureStatuses('addComment', ['ArticleNotFound', 'FeatureDisabled', 'CurrentUserGone'])),
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

export const commentsRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(listCommentsRoute, async (c) => {
      const result = await useCases.listComments(useCaseContext(c), c.req.valid('param').slug);
      return respond(c, result, presentComments, 200);
    })
    .openapi(addCommentRoute, async (c) => {
      const draft = checkCommentDraft(c.req.valid('json').comment);
      if (draft.isErr()) return problemResponse(c, edgeProblems.validationFailed(draft.error));
      return respond(c, await useCases.addComment(useCaseContext(c), c.req.valid('param').slug, draft.value), presentSingleComment, 200);
    })
    .openapi(deleteCommentRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const result = await useCases.deleteComment(useCaseContext(c), slug, commentId(id));
      return respondEmpty(c, result);
    });
