import { accountOperations } from './account-operations.js';
import { articleOperations } from './article-operations.js';
import { articlePageOperations } from './article-page-operations.js';
import { commentOperations } from './comment-operations.js';
import { flagOperations } from './flag-operations.js';
import { jobOperations } from './job-operations.js';
import type { AnyOperation } from './operation.js';
import { profileOperations } from './profile-operations.js';
import { sessionOperations } from './session-operations.js';
import { tagOperations } from './tag-operations.js';
import { userOperations } from './user-operations.js';

/**
 * Every declared operation: the routes are registered and the tools listed from here, so a new
 * operation in one of these files is on both doors. In the order routes are matched: the pages
 * before one article, so that /articles/feed is not taken for an article whose slug is "feed".
 */
export const DECLARED_OPERATIONS: readonly AnyOperation[] = [
  ...userOperations,
  ...sessionOperations,
  ...accountOperations,
  ...flagOperations,
  ...profileOperations,
  ...articlePageOperations,
  ...articleOperations,
  ...commentOperations,
  ...tagOperations,
  ...jobOperations,
];
