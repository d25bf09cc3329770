import type { JobQueue, Repositories, RequestScope } from '@conduit/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityManagerSource } from '../entity-manager.js';
import { KyselyArticleRepository } from './kysely-article-repository.js';
import { KyselyCommentRepository } from './kysely-comment-repository.js';
import { KyselyFavoriteRepository } from './kysely-favorite-repository.js';
import { KyselyFlagRepository } from './kysely-flag-repository.js';
import { KyselyFollowRepository } from './kysely-follow-repository.js';
import { KyselyIdempotencyKeyRepository } from './kysely-idempotency-key-repository.js';
import { KyselyJobItemRepository } from './kysely-job-item-repository.js';
import { KyselyJobRepository } from './kysely-job-repository.js';
import { KyselyJobResultRepository } from './kysely-job-result-repository.js';
import { KyselyJobUploadRepository } from './kysely-job-upload-repository.js';
import { KyselySessionRepository } from './kysely-session-repository.js';
import { KyselyUserRepository } from './kysely-user-repository.js';

/** How jobs are announced in a transaction; without a queue (a tool that runs no jobs), announcing is a defect. */
export type JobQueueSource = (em: EntityManager) => JobQueue;

const noQueue: JobQueueSource = () => ({
  enqueue: async () => {
    throw new Error('This process has no job queue: jobs can be submitted only where the queue is started');
  },
});

/**
 * The repositories over one entity manager source (a request's, or a transaction's). Each is named
 * for what it writes through: Kysely statements compiled once, on MikroORM's own Kysely, so on the
 * entity manager's connection and in its transaction.
 */
export const makePostgresRepositories = (
  em: EntityManagerSource,
  queueIn: JobQueueSource = noQueue,
  scope?: RequestScope,
): Repositories => ({
  users: new KyselyUserRepository(em),
  sessions: new KyselySessionRepository(em, scope ? (sessionId) => scope.current().progress.sessions.add(sessionId) : undefined),
  follows: new KyselyFollowRepository(em),
  articles: new KyselyArticleRepository(em),
  favorites: new KyselyFavoriteRepository(em),
  comments: new KyselyCommentRepository(em),
  jobs: new KyselyJobRepository(em),
  jobUploads: new KyselyJobUploadRepository(em),
  jobItems: new KyselyJobItemRepository(em),
  jobResults: new KyselyJobResultRepository(em),
  jobQueue: { enqueue: (id) => queueIn(em()).enqueue(id) },
  idempotencyKeys: new KyselyIdempotencyKeyRepository(em),
  flags: new KyselyFlagRepository(em),
});
