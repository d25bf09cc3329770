import { checkArticleChanges, checkArticleDraft } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { err } from 'neverthrow';
import { presentArticlePage, presentSingleArticle } from '../presenters/article.presenter.js';
import { presentComments } from '../presenters/comment.presenter.js';
import { edgeProblems } from '../problems/edge-problems.js';
import {
  FeedQueryParams,
  ListArticlesQueryParams,
  MultipleArticlesResponse,
  NewArticleBody,
  SingleArticleResponse,
  UpdateArticleBody,
} from '../schemas/article.schemas.js';
import { encodeCursor } from '../schemas/article-cursor.js';
import { MultipleCommentsResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { answer, readTool, writeTool } from './mcp-tool.js';

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
  writeTool({
    name: 'create_article',
    title: 'Write an article',
    description:
      'Publishes an article by the caller: `article.title`, `article.description`, `article.body` (Markdown) and optional `article.tagList`. The slug derives from the title. Answers the new article.',
    input: NewArticleBody,
    output: SingleArticleResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    run: async (useCases, ctx, { article }) => {
      const draft = checkArticleDraft(article);
      if (draft.isErr()) return err(edgeProblems.validationFailed(draft.error));
      return answer(await useCases.createArticle(ctx, draft.value), presentSingleArticle);
    },
  }),
  writeTool({
    name: 'update_article',
    title: 'Edit an article',
    description:
      "Edits one of the caller's articles: any of `article.title` (gives a new slug), `description`, `body`, `tagList` ([] removes every tag). Omitted fields stay. ARTICLE_EDIT_FORBIDDEN for another's article.",
    input: z.object({ ...slugParam.shape, article: UpdateArticleBody.shape.article }),
    output: SingleArticleResponse,
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (useCases, ctx, { slug, article }) => {
      const changes = checkArticleChanges(article);
      if (changes.isErr()) return err(edgeProblems.validationFailed(changes.error));
      return answer(await useCases.updateArticle(ctx, slug, changes.value), presentSingleArticle);
    },
  }),
  writeTool({
    name: 'delete_article',
    title: 'Delete an article',
    description: "Deletes one of the caller's articles with its comments and favorites, for good. ARTICLE_DELETE_FORBIDDEN for another's.",
    input: slugParam,
    output: z.object({ deleted: slugParam }),
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (useCases, ctx, { slug }) => answer(await useCases.deleteArticle(ctx, slug), () => ({ deleted: { slug } })),
  }),
  writeTool({
    name: 'favorite_article',
    title: 'Favorite an article',
    description: 'Adds the article to the caller’s favorites (a second time changes nothing). Answers the article with its new count.',
    input: slugParam,
    output: SingleArticleResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (useCases, ctx, { slug }) => answer(await useCases.favoriteArticle(ctx, slug), presentSingleArticle),
  }),
  writeTool({
    name: 'unfavorite_article',
    title: 'Unfavorite an article',
    description: 'Removes the article from the caller’s favorites (idempotent). Answers the article with its new count.',
    input: slugParam,
    output: SingleArticleResponse,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (useCases, ctx, { slug }) => answer(await useCases.unfavoriteArticle(ctx, slug), presentSingleArticle),
  }),
];
