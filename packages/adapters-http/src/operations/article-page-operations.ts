import type { ArticlePage } from '@conduit/app';
import { z } from '@hono/zod-openapi';
import { presentArticlePage } from '../presenters/article.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { FeedQueryParams, ListArticlesQueryParams, MultipleArticlesResponse } from '../schemas/article.schemas.js';
import { operation, type PageLinks } from './operation.js';

const tags = ['Articles'];

const PAGING =
  'Pages: `limit` (default 20, at most 100) and `offset`; `articlesCount` is the total. `next` is the cursor of the following page (null on the last): pass it as `cursor` to continue, at the same cost at any depth.';

/** A page as a tool answers it: `next` is the cursor itself, which the tool takes back as `cursor`. */
const ArticlePageOutput = MultipleArticlesResponse.extend({
  next: z.string().nullable().describe("The following page's `cursor`; null on the last page."),
});

/** A page as the route presents it, its `next` in the door's form. */
const presentPage = (page: ArticlePage, _query: unknown, links: PageLinks) => presentArticlePage(links.next)(page);

/** The lists of articles: a page each, whose `next` each door gives in its own form (operation.ts, PageLinks). */
export const articlePageOperations = [
  // First: registered before /articles/{slug}, which would otherwise take "feed" for a slug.
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/articles/feed',
      operationId: 'GetArticlesFeed',
      tags,
      summary: 'Articles by followed authors, newest first',
      status: 200,
      description: 'A page of articles',
    },
    request: { query: FeedQueryParams },
    response: MultipleArticlesResponse,
    failures: failureStatuses('feedArticles', []),
    run: (useCases, ctx, { limit, offset, cursor }) => useCases.feedArticles(ctx, { limit, offset, after: cursor }),
    present: presentPage,
    mcp: {
      name: 'get_feed',
      title: 'Read my feed',
      description: `Articles by the authors the caller follows, newest first, without their bodies. ${PAGING}`,
      hints: { readOnlyHint: true },
      answer: { output: ArticlePageOutput },
    },
  }),
  operation({
    auth: 'optional',
    http: {
      method: 'get',
      path: '/articles',
      operationId: 'GetArticles',
      tags,
      summary: 'Articles, newest first; filters combine. List items have no body.',
      status: 200,
      description: 'A page of articles',
    },
    request: { query: ListArticlesQueryParams },
    response: MultipleArticlesResponse,
    failures: failureStatuses('listArticles', []),
    run: (useCases, ctx, { tag, author, favorited, limit, offset, cursor }) =>
      useCases.listArticles(ctx, { tag, author, favoritedBy: favorited, limit, offset, after: cursor }),
    present: presentPage,
    mcp: {
      name: 'list_articles',
      title: 'List articles',
      description: `Articles, newest first, without their bodies. Filters combine: \`tag\`, \`author\` (a username), \`favorited\` (articles favorited by this username). ${PAGING} Read one with get_article.`,
      hints: { readOnlyHint: true },
      answer: { output: ArticlePageOutput },
    },
  }),
] as const;
