import type { Queries } from '@conduit/app';
import type { CurrentDeadline, Repositories, UnitOfWork } from '@conduit/domain';
import { InMemoryArticleRepository } from './in-memory-article-repository.js';
import { InMemoryCommentRepository } from './in-memory-comment-repository.js';
import { InMemoryFavoriteRepository } from './in-memory-favorite-repository.js';
import { InMemoryFollowRepository } from './in-memory-follow-repository.js';
import { InMemoryJobQueue, InMemoryJobRepository } from './in-memory-job-repository.js';
import { makeInMemoryQueries } from './in-memory-queries.js';
import { InMemoryStore } from './in-memory-store.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

export type InMemoryAdapters = {
  readonly store: InMemoryStore;
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
};

/** A fresh, empty set of in-memory adapters sharing one store. */
export const createInMemoryAdapters = (options: { readonly currentDeadline?: CurrentDeadline } = {}): InMemoryAdapters => {
  const store = new InMemoryStore();
  const repositories: Repositories = {
    users: new InMemoryUserRepository(store),
    follows: new InMemoryFollowRepository(store),
    articles: new InMemoryArticleRepository(store),
    favorites: new InMemoryFavoriteRepository(store),
    comments: new InMemoryCommentRepository(store),
    jobs: new InMemoryJobRepository(store),
    jobQueue: new InMemoryJobQueue(store),
  };
  return {
    store,
    repositories,
    unitOfWork: new InMemoryUnitOfWork(store, repositories, options.currentDeadline),
    queries: makeInMemoryQueries(store),
  };
};
