import type { UseCases } from '@conduit/app';
import { checkArticleChanges, checkArticleDraft } from '@conduit/domain';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import {
  FeedQueryParams,
  ListArticlesQueryParams,
  MultipleArticlesResponse,
  NewArticleBody,
  SingleArticleResponse,
  UpdateArticleBody,
} from '../schemas/article.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
import { respondPage } from './article-page.js';
import { json } from './json-content.js';
import { respond, respondEmpty, useCaseContext } from './respond.js';
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

export const createArticleRoute = authenticatedRoute({
  method: 'post',
  path: '/articles',
  operationId: 'CreateArticle',
  tags,
  summary: 'Write an article; its slug derives from the title',
  request: { body: { ...json(NewArticleBody), required: true } },
  responses: {
    201: { description: 'The new article', ...json(SingleArticleResponse) },
    ...problemResponses(...bodyProblems, 401, ...failureStatuses('createArticle', ['CurrentUserGone'])),
  },
});

export const updateArticleRoute = authenticatedRoute({
  method: 'put',
  path: '/articles/{slug}',
  operationId: 'UpdateArticle',
  tags,
  summary: "Edit one's own article; omitted fields stay unchanged, a new title gives a new slug",
  request: { params: slugParam, body: { ...json(UpdateArticleBody), required: true } },
  responses: {
    200: { description: 'The edited article', ...json(SingleArticleResponse) },
    ...problemResponses(...bodyProblems, 401, ...failureStatuses('updateArticle', ['ArticleNotFound', 'ArticleEditForbidden'])),
  },
});

export const deleteArticleRoute = authenticatedRoute({
  method: 'delete',
  path: '/articles/{slug}',
  operationId: 'DeleteArticle',
  tags,
  summary: "Delete one's own article with its comments and favorites",
  request: { params: slugParam },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses(401, 422, ...failureStatuses('deleteArticle', ['ArticleNotFound', 'ArticleDeleteForbidden'])),
  },
});

export const favoriteRoute = authenticatedRoute({
  method: 'post',
  path: '/articles/{slug}/favorite',
  operationId: 'CreateArticleFavorite',
  tags: ['Favorites'],
  summary: 'Favorite an article (idempotent; no body needed)',
  request: { params: slugParam },
  responses: {
    200: { description: 'The article', ...json(SingleArticleResponse) },
    ...problemResponses(401, 422, ...failureStatuses('favoriteArticle', ['ArticleNotFound'])),
  },
});

export const unfavoriteRoute = authenticatedRoute({
  method: 'delete',
  path: '/articles/{slug}/favorite',
  operationId: 'DeleteArticleFavorite',
  tags: ['Favorites'],
  summary: 'Unfavorite an article (idempotent)',
  request: { params: slugParam },
  responses: {
    200: { description: 'The article', ...json(SingleArticleResponse) },
    ...problemResponses(401, 422, ...failureStatuses('unfavoriteArticle', ['ArticleNotFound'])),
  },
});

export const articlesRouter = (useCases: UseCases) =>
  createRouter()
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
    })
    .openapi(createArticleRoute, async (c) => {
      // The schema has checked the same rules (and documented them); the domain's check makes the draft.
      const draft = checkArticleDraft(c.req.valid('json').article);
      if (draft.isErr()) return problemResponse(c, edgeProblems.validationFailed(draft.error));
      return respond(c, await useCases.createArticle(useCaseContext(c), draft.value), presentSingleArticle, 201);
    })
    .openapi(updateArticleRoute, async (c) => {
      const changes = checkArticleChanges(c.req.valid('json').article);
      if (changes.isErr()) return problemResponse(c, edgeProblems.validationFailed(changes.error));
      const result = await useCases.updateArticle(useCaseContext(c), c.req.valid('param').slug, changes.value);
      return respond(c, result, presentSingleArticle, 200);
    })
    .openapi(deleteArticleRoute, async (c) => {
      const result = await useCases.deleteArticle(useCaseContext(c), c.req.valid('param').slug);
      return respondEmpty(c, result);
    })
    .openapi(favoriteRoute, async (c) => {
      return respond(c, await useCases.favoriteArticle(useCaseContext(c), c.req.valid('param').slug), presentSingleArticle, 200);
    })
    .openapi(unfavoriteRoute, async (c) => {
      return respond(c, await useCases.unfavoriteArticle(useCaseContext(c), c.req.valid('param').slug), presentSingleArticle, 200);
    });
