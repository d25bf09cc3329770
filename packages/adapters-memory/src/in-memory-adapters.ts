import type { Queries } from '@conduit/app';
import {
  claimingIdempotencyKeys,
  DEFAULT_TENANT,
  deadlineIn,
  type Repositories,
  type TenantContents,
  type TenantId,
  type TenantRepository,
  type UnitOfWork,
  type UnitOfWorkScope,
} from '@conduit/domain';
import { InMemoryArticleRepository } from './in-memory-article-repository.js';
import { InMemoryCommentRepository } from './in-memory-comment-repository.js';
import { InMemoryFavoriteRepository } from './in-memory-favorite-repository.js';
import { InMemoryFlagRepository } from './in-memory-flag-repository.js';
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
import { InMemoryTenantContents, InMemoryTenantRepository } from './in-memory-tenants.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';

export type InMemoryAdapters = {
  /** The current tenant's store. */
  readonly store: InMemoryStore;
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
  readonly tenancy: { readonly tenants: TenantRepository; readonly contents: TenantContents };
};

type Partition = Omit<InMemoryAdapters, 'tenancy'>;

/** `scope`: the request scope, whose tenant's store every port uses (none in scope: the default tenant's). */
export type InMemoryAdapterOptions = UnitOfWorkScope;

/**
 * A fresh, empty set of in-memory adapters; units of work honour the scope (a request's deadline
 * and key). Each tenant has a store of its own, made on first use: the ports work on the current
 * tenant's, so one tenant's data is out of another's reach, as PostgreSQL's row-level security keeps it.
 */
export const createInMemoryAdapters = (options: InMemoryAdapterOptions = {}): InMemoryAdapters => {
  const partitions = new Map<TenantId, Partition>();
  const tenantInScope = () => options.scope?.currentTenantId() ?? DEFAULT_TENANT.id;
  const current = (): Partition => {
    const tenant = tenantInScope();
    let partition = partitions.get(tenant);
    if (partition === undefined) {
      partition = createPartition(options);
      partitions.set(tenant, partition);
    }
    return partition;
  };
  return {
    store: inCurrent(() => current().store),
    repositories: inCurrent(() => current().repositories),
    unitOfWork: inCurrent(() => current().unitOfWork),
    queries: inCurrent(() => current().queries),
    tenancy: {
      tenants: new InMemoryTenantRepository(),
      contents: new InMemoryTenantContents(
        () => current().store,
        () => partitions.delete(tenantInScope()),
      ),
    },
  };
};

/**
 * An object that is, at each use, what `target` gives (the current tenant's): its properties read
 * and written there, its methods bound to it. Nested objects (`repositories.users`) resolve at their
 * own use, so one kept across a change of tenant still follows the scope.
 */
const inCurrent = <T extends object>(target: () => T): T =>
  new Proxy({} as T, {
    get: (_, key) => {
      const value: unknown = Reflect.get(target(), key);
      if (typeof value === 'function') return value.bind(target());
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)) {
        return inCurrent(() => Reflect.get(target(), key) as object);
      }
      return value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
  });

/** One tenant's adapters, sharing one store. */
const createPartition = (options: UnitOfWorkScope): Partition => {
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
    flags: new InMemoryFlagRepository(store),
  };
  const { scope } = options;
  const unitOfWork = new InMemoryUnitOfWork(store, repositories, deadlineIn(scope));
  return {
    store,
    repositories,
    unitOfWork: scope ? claimingIdempotencyKeys(unitOfWork, () => scope.current().progress.idempotencyClaim) : unitOfWork,
    queries: makeInMemoryQueries(store),
  };
};
