import type { UseCases } from '@conduit/app';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { articleOperations } from '../operations/article-operations.js';
import { registerOperations } from '../operations/http-operation.js';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { FeedQueryParams, ListArticlesQueryParams, MultipleArticlesResponse, SingleArticleResponse } from '../schemas/article.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { respondPage } from './article-page.js';
import { json } from './json-content.js';
import { respond, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Articles'];

export const listArticlesRoute = optionalAuthRoute({
  method: 'get',
  path: '/articles',
  operationId: 'GetArticles',
  tags,
  summary: 'Articles, newest first; filters combine. List items have no body.',
  request: { query: ListArticlesQueryParams },
  responses: {
    200: { description: 'A page of articles', ...json(MultipleArticlesResponse) },
    ...problemResponses(422, ...failureStatuses('listArticles', [])),
  },
});

export const feedRoute = authenticatedRoute({
  method: 'get',
  path: '/articles/feed',
  operationId: 'GetArticlesFeed',
  tags,
  summary: 'Articles by followed authors, newest first',
  request: { query: FeedQueryParams },
  responses: {
    200: { description: 'A page of articles', ...json(MultipleArticlesResponse) },
    ...problemResponses(401, 422, ...failureStatuses('feedArticles', [])),
  },
});

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
  const router = createRouter()
    // Registered before /articles/{slug}, which would otherwise take "feed" for a slug.
    .openapi(feedRoute, async (c) => {
      const { limit, offset, cursor } = c.req.valid('query');
      return respondPage(c, await useCases.feedArticles(useCaseContext(c), { limit, offset, after: cursor }), { limit });
    })
    .openapi(listArticlesRoute, async (c) => {
      const { tag, author, favorited, limit, offset, cursor } = c.req.valid('query');
      const result = await useCases.listArticles(useCaseContext(c), { tag, author, favoritedBy: favorited, limit, offset, after: cursor });
      return respondPage(c, result, { tag, author, favorited, limit });
    })
    .openapi(getArticleRoute, async (c) => {
      return respond(c, await useCases.getArticle(useCaseContext(c), c.req.valid('param').slug), presentSingleArticle, 200);
    });
  registerOperations(router, useCases, articleOperations);
  return router;
};
