import type { ArticleError, CommentError, FlagChangeForbidden, JobError, TenantError, UserError } from '@conduit/domain';
import type { FeatureDisabled } from './features.js';

/** Every expected failure a use case can return. Drivers map each one exhaustively. */
export type AppError = UserError | ArticleError | CommentError | JobError | TenantError | FeatureDisabled | FlagChangeForbidden;
