import type { ProblemTable } from './problem-table.js';

/** Articles and comments. Rows of the one table (app-error-problem.ts). */
export const articleProblems = {
  ArticleNotFound: {
    status: 404,
    describe: () => ({
      code: 'ARTICLE_NOT_FOUND',
      title: 'Article not found',
      detail: 'No article has this slug.',
      errors: { article: ['not found'] },
    }),
  },
  ArticleEditForbidden: {
    status: 403,
    describe: () => ({
      code: 'ARTICLE_EDIT_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may edit this article.',
      errors: { article: ['forbidden'] },
    }),
  },
  ArticleDeleteForbidden: {
    status: 403,
    describe: () => ({
      code: 'ARTICLE_DELETE_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may delete this article.',
      errors: { article: ['forbidden'] },
    }),
  },
  CommentNotFound: {
    status: 404,
    describe: () => ({
      code: 'COMMENT_NOT_FOUND',
      title: 'Comment not found',
      detail: 'This article has no comment with this id.',
      errors: { comment: ['not found'] },
    }),
  },
  CommentDeleteForbidden: {
    status: 403,
    describe: () => ({
      code: 'COMMENT_DELETE_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may delete this comment.',
      errors: { comment: ['forbidden'] },
    }),
  },
} as const satisfies Partial<ProblemTable>;
