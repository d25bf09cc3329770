export * from './app-error.js';
export type { CreateArticleCommand } from './articles/create-article.js';
export type {
  ImportArticlesCommand,
  ImportLine,
  ImportProgress,
  ImportSummary,
  ItemError,
} from './articles/import-articles.js';
export type { ListArticlesQuery } from './articles/list-articles.js';
export type { UpdateArticleCommand } from './articles/update-article.js';
export type { AddCommentCommand } from './comments/add-comment.js';
export * from './context.js';
export * from './deps.js';
export * from './features.js';
export * from './read-models/article-view.js';
export * from './read-models/comment-view.js';
export * from './read-models/profile-view.js';
export * from './read-models/queries.js';
export * from './read-models/user-view.js';
export * from './use-cases.js';
export type { LoginUserCommand } from './users/login-user.js';
export type { RegisterUserCommand } from './users/register-user.js';
export { makeSetUserRole, type SetUserRoleCommand, type UserRoleView } from './users/set-user-role.js';
export type { UpdateUserCommand } from './users/update-user.js';
