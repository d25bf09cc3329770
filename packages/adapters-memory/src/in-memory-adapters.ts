import type { Queries } from '@conduit/app';
import { claimingIdempotencyKeys, type Repositories, type UnitOfWork, type UnitOfWorkScope } from '@conduit/domain';
import { InMemoryArticleRepository } from './in-memory-article-repository.js';
import { InMemoryCommentRepository } from './in-memory-comment-repository.js';
import { InMemoryFavoriteRepository } from './in-memory-favorite-repository.js';
import { InMemoryFollowRepository } from './in-memory-follow-repository.js';
import { InMemoryIdempotencyKeyRepository } from './in-memory-idempotency-key-repository.js';
import {
  InMemoryJobItemRepository,
  InMemoryJobQueue,
  InMemoryJobRepository,
  InMemoryJobResultRepository,
  InMemoryJobUploadRepository,
} from './in-memory-job-repository.js';
import { makeInMemoryQueries } from './in-memory-queries.js';
import { InMemorySessionRepository } from './in-memory-session-repository.js';
import { InMemoryStore } from './in-memory-store.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

export type InMemoryAdapters = {
  readonly store: InMemoryStore;
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
};

/** A fresh, empty set of in-memory adapters sharing one store; units of work honour `scope` (a request's deadline and key). */
export const createInMemoryAdapters = (options: UnitOfWorkScope = {}): InMemoryAdapters => {
  const store = new InMemoryStore();
  const repositories: Repositories = {
    users: new InMemoryUserRepository(store),
    sessions: new InMemorySessionRepository(store),
    follows: new InMemoryFollowRepository(store),
    articles: new InMemoryArticleRepository(store),
    favorites: new InMemoryFavoriteRepository(store),
    comments: new InMemoryCommentRepository(store),
    jobs: new InMemoryJobRepository(store),
    jobUploads: new InMemoryJobUploadRepository(store),
    jobItems: new InMemoryJobItemRepository(store),
    jobResults: new InMemoryJobResultRepository(store),
    jobQueue: new InMemoryJobQueue(store),
    idempotencyKeys: new InMemoryIdempotencyKeyRepository(store),
  };
  const unitOfWork = new InMemoryUnitOfWork(store, repositories, options.currentDeadline);
  return {
    store,
    repositories,
    unitOfWork: options.currentIdempotencyClaim ? claimingIdempotencyKeys(unitOfWork, options.currentIdempotencyClaim) : unitOfWork,
    queries: makeInMemoryQueries(store),
  };
};
