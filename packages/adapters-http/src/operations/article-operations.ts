import { checkArticleChanges, checkArticleDraft } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { NewArticleBody, SingleArticleResponse, UpdateArticleBody } from '../schemas/article.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { listComments } from './comment-operations.js';
import { operation } from './operation.js';

const tags = ['Articles'];

/** One article, and the writes of articles and favorites; the lists are in article-page-operations.ts. */
export const articleOperations = [
  operation({
    auth: 'optional',
    http: {
      method: 'get',
      path: '/articles/{slug}',
      operationId: 'GetArticle',
      tags,
      summary: 'One article',
      status: 200,
      description: 'The article',
    },
    request: { params: slugParam },
    response: SingleArticleResponse,
    failures: failureStatuses('getArticle', ['ArticleNotFound']),
    run: (useCases, ctx, { slug }) => useCases.getArticle(ctx, slug),
    present: presentSingleArticle,
    mcp: {
      name: 'get_article',
      title: 'Read an article',
      description: 'One article by its slug, with its body and its comments (oldest first). ARTICLE_NOT_FOUND if no article has this slug.',
      hints: { readOnlyHint: true },
      alongside: [listComments],
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/articles',
      operationId: 'CreateArticle',
      tags,
      summary: 'Write an article; its slug derives from the title',
      status: 201,
      description: 'The new article',
    },
    request: { body: NewArticleBody },
    response: SingleArticleResponse,
    failures: failureStatuses('createArticle', ['CurrentUserGone']),
    // The schema has checked the same rules (and documented them); the domain's check makes the draft.
    check: ({ article }) => checkArticleDraft(article),
    run: (useCases, ctx, draft) => useCases.createArticle(ctx, draft),
    present: presentSingleArticle,
    mcp: {
      name: 'create_article',
      title: 'Write an article',
      description:
        'Publishes an article by the caller: `article.title`, `article.description`, `article.body` (Markdown) and optional `article.tagList`. The slug derives from the title. Answers the new article.',
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'put',
      path: '/articles/{slug}',
      operationId: 'UpdateArticle',
      tags,
      summary: "Edit one's own article; omitted fields stay unchanged, a new title gives a new slug",
      status: 200,
      description: 'The edited article',
    },
    request: { params: slugParam, body: UpdateArticleBody },
    response: SingleArticleResponse,
    failures: failureStatuses('updateArticle', ['ArticleNotFound', 'ArticleEditForbidden']),
    check: ({ article }) => checkArticleChanges(article),
    run: (useCases, ctx, changes, { slug }) => useCases.updateArticle(ctx, slug, changes),
    present: presentSingleArticle,
    mcp: {
      name: 'update_article',
      title: 'Edit an article',
      description:
        "Edits one of the caller's articles: any of `article.title` (gives a new slug), `description`, `body`, `tagList` ([] removes every tag). Omitted fields stay. ARTICLE_EDIT_FORBIDDEN for another's article.",
      hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/articles/{slug}',
      operationId: 'DeleteArticle',
      tags,
      summary: "Delete one's own article with its comments and favorites",
      status: 204,
      description: 'Deleted',
    },
    request: { params: slugParam },
    response: undefined,
    failures: failureStatuses('deleteArticle', ['ArticleNotFound', 'ArticleDeleteForbidden']),
    run: (useCases, ctx, { slug }) => useCases.deleteArticle(ctx, slug),
    present: () => undefined,
    mcp: {
      name: 'delete_article',
      title: 'Delete an article',
      description:
        "Deletes one of the caller's articles with its comments and favorites, for good. ARTICLE_DELETE_FORBIDDEN for another's.",
      hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
      answer: { output: z.object({ deleted: slugParam }), present: (_view, { slug }) => ({ deleted: { slug } }) },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/articles/{slug}/favorite',
      operationId: 'CreateArticleFavorite',
      tags: ['Favorites'],
      summary: 'Favorite an article (idempotent; no body needed)',
      status: 200,
      description: 'The article',
    },
    request: { params: slugParam },
    response: SingleArticleResponse,
    failures: failureStatuses('favoriteArticle', ['ArticleNotFound']),
    run: (useCases, ctx, { slug }) => useCases.favoriteArticle(ctx, slug),
    present: presentSingleArticle,
    mcp: {
      name: 'favorite_article',
      title: 'Favorite an article',
      description: 'Adds the article to the caller’s favorites (a second time changes nothing). Answers the article with its new count.',
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/articles/{slug}/favorite',
      operationId: 'DeleteArticleFavorite',
      tags: ['Favorites'],
      summary: 'Unfavorite an article (idempotent)',
      status: 200,
      description: 'The article',
    },
    request: { params: slugParam },
    response: SingleArticleResponse,
    failures: failureStatuses('unfavoriteArticle', ['ArticleNotFound']),
    run: (useCases, ctx, { slug }) => useCases.unfavoriteArticle(ctx, slug),
    present: presentSingleArticle,
    mcp: {
      name: 'unfavorite_article',
      title: 'Unfavorite an article',
      description: 'Removes the article from the caller’s favorites (idempotent). Answers the article with its new count.',
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
  }),
] as const;
