import type { ArticleError, CommentError, UserError } from '@conduit/domain';

/** Every expected failure a use case can return. Drivers map each one exhaustively. */
export type AppError = UserError | ArticleError | CommentError;
