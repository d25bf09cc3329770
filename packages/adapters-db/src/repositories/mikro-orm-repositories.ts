import type { JobQueue, Repositories } from '@conduit/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityManagerSource } from '../entity-manager.js';
import { KyselyIdempotencyKeyRepository } from './kysely-idempotency-key-repository.js';
import { KyselyJobRepository } from './kysely-job-repository.js';
import { MikroOrmArticleRepository } from './mikro-orm-article-repository.js';
import { MikroOrmCommentRepository } from './mikro-orm-comment-repository.js';
import { MikroOrmFavoriteRepository } from './mikro-orm-favorite-repository.js';
import { MikroOrmFollowRepository } from './mikro-orm-follow-repository.js';
import { MikroOrmUserRepository } from './mikro-orm-user-repository.js';

/** How jobs are announced in a transaction; without a queue (a tool that runs no jobs), announcing is a defect. */
export type JobQueueSource = (em: EntityManager) => JobQueue;

const noQueue: JobQueueSource = () => ({
  enqueue: async () => {
    throw new Error('This process has no job queue: jobs can be submitted only where the queue is started');
  },
});

export const makeMikroOrmRepositories = (em: EntityManagerSource, queueIn: JobQueueSource = noQueue): Repositories => ({
  users: new MikroOrmUserRepository(em),
  follows: new MikroOrmFollowRepository(em),
  articles: new MikroOrmArticleRepository(em),
  favorites: new MikroOrmFavoriteRepository(em),
  comments: new MikroOrmCommentRepository(em),
  jobs: new KyselyJobRepository(em),
  jobQueue: { enqueue: (id) => queueIn(em()).enqueue(id) },
  idempotencyKeys: new KyselyIdempotencyKeyRepository(em),
});
