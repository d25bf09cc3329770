import { checkCommentDraft } from '@conduit/domain';
import { presentSingleComment } from '../presenters/comment.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { NewCommentBody, SingleCommentResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { operation } from './operation.js';

/** Comments that are declared once; listing and deleting are in routes/comments.routes.ts and mcp/. */
export const commentOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/articles/{slug}/comments',
      operationId: 'CreateArticleComment',
      tags: ['Comments'],
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
] as const;
