import { z } from '@hono/zod-openapi';
import { articleOperations } from '../operations/article-operations.js';
import { toolOf } from '../operations/mcp-operation.js';
import { presentArticlePage, presentSingleArticle } from '../presenters/article.presenter.js';
import { presentComments } from '../presenters/comment.presenter.js';
import { FeedQueryParams, ListArticlesQueryParams, MultipleArticlesResponse, SingleArticleResponse } from '../schemas/article.schemas.js';
import { encodeCursor } from '../schemas/article-cursor.js';
import { MultipleCommentsResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { answer, readTool, writeTool } from './mcp-tool.js';

const [createArticle, updateArticle, deleteArticle, favoriteArticle, unfavoriteArticle] = articleOperations;

const PAGING =
  'Pages: `limit` (default 20, at most 100) and `offset`; `articlesCount` is the total. `next` is the cursor of the following page (null on the last): pass it as `cursor` to continue, at the same cost at any depth.';

/** A page as a tool answers it: `next` is the cursor itself, which the tool takes back as `cursor`. */
const ArticlePageOutput = MultipleArticlesResponse.extend({
  next: z.string().nullable().describe("The following page's `cursor`; null on the last page."),
});
const presentPage = presentArticlePage(encodeCursor);

export const articleTools = [
  readTool({
    name: 'list_articles',
    title: 'List articles',
    description: `Articles, newest first, without their bodies. Filters combine: \`tag\`, \`author\` (a username), \`favorited\` (articles favorited by this username). ${PAGING} Read one with get_article.`,
    input: ListArticlesQueryParams,
    output: ArticlePageOutput,
    hints: { readOnlyHint: true },
    run: async (useCases, ctx, query) =>
      answer(
        await useCases.listArticles(ctx, {
          tag: query.tag,
          author: query.author,
          favoritedBy: query.favorited,
          limit: query.limit,
          offset: query.offset,
          after: query.cursor,
        }),
        presentPage,
      ),
  }),
  readTool({
    name: 'get_article',
    title: 'Read an article',
    description: 'One article by its slug, with its body and its comments (oldest first). ARTICLE_NOT_FOUND if no article has this slug.',
    input: slugParam,
    output: SingleArticleResponse.extend(MultipleCommentsResponse.shape),
    hints: { readOnlyHint: true },
    run: async (useCases, ctx, { slug }) => {
      const [article, comments] = await Promise.all([useCases.getArticle(ctx, slug), useCases.listComments(ctx, slug)]);
      const both = article.andThen((view) => comments.map((list) => ({ view, list })));
      return answer(both, ({ view, list }) => ({ ...presentSingleArticle(view), ...presentComments(list) }));
    },
  }),
  writeTool({
    name: 'get_feed',
    title: 'Read my feed',
    description: `Articles by the authors the caller follows, newest first, without their bodies. ${PAGING}`,
    input: FeedQueryParams,
    output: ArticlePageOutput,
    hints: { readOnlyHint: true },
    run: async (useCases, ctx, { limit, offset, cursor }) =>
      answer(await useCases.feedArticles(ctx, { limit, offset, after: cursor }), presentPage),
  }),
  toolOf(createArticle),
  toolOf(updateArticle),
  toolOf(deleteArticle),
  toolOf(favoriteArticle),
  toolOf(unfavoriteArticle),
];
