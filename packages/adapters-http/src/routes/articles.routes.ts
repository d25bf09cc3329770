import type { UseCases } from '@conduit/app';
import { optionalAuthRoute } from '../auth/route-auth.js';
import { articleOperations } from '../operations/article-operations.js';
import { articlePageOperations } from '../operations/article-page-operations.js';
import { registerOperations } from '../operations/http-operation.js';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { SingleArticleResponse } from '../schemas/article.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { json } from './json-content.js';
import { respond, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Articles'];

export const getArticleRoute = optionalAuthRoute({
  method: 'get',
  path: '/articles/{slug}',
  operationId: 'GetArticle',
  tags,
  summary: 'One article',
  request: { params: slugParam },
  responses: {
    200: { description: 'The article', ...json(SingleArticleResponse) },
    ...problemResponses(422, ...failureStatuses('getArticle', ['ArticleNotFound'])),
  },
});

export const articlesRouter = (useCases: UseCases) => {
  const router = createRouter();
  // The pages first: the feed's path must be matched before /articles/{slug} takes "feed" for a slug.
  registerOperations(router, useCases, articlePageOperations);
  router.openapi(getArticleRoute, async (c) => {
    return respond(c, await useCases.getArticle(useCaseContext(c), c.req.valid('param').slug), presentSingleArticle, 200);
  });
  registerOperations(router, useCases, articleOperations);
  return router;
};
