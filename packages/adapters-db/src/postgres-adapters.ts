import type { Queries } from '@conduit/app';
import {
  claimingIdempotencyKeys,
  type Repositories,
  type RequestScope,
  type TenantContents,
  type TenantRepository,
  type UnitOfWork,
  type UnitOfWorkScope,
} from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ReadSource } from './entity-manager.js';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work.js';
import { KyselyAccountQueries } from './queries/kysely-account-queries.js';
import { KyselyActorQueries } from './queries/kysely-actor-queries.js';
import { KyselyArticleQueries } from './queries/kysely-article-queries.js';
import { KyselyCommentQueries } from './queries/kysely-comment-queries.js';
import { KyselyProfileQueries } from './queries/kysely-profile-queries.js';
import { KyselyTagQueries } from './queries/kysely-tag-queries.js';
import { wrote } from './replicas/read-floor.js';
import { recordWritePositions } from './replicas/record-write-positions.js';
import type { ReplicaRouter } from './replicas/replica-router.js';
import { type JobQueueSource, makePostgresRepositories } from './repositories/postgres-repositories.js';
import { KyselyTenantRepository } from './tenants/kysely-tenant-repository.js';
import { PostgresTenantContents } from './tenants/tenant-contents.js';

export type PostgresAdapters = {
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
  /** The tenants (read before any is chosen), and the current tenant's data as a whole. */
  readonly tenancy: { readonly tenants: TenantRepository; readonly contents: TenantContents };
};

export type PostgresAdapterOptions = UnitOfWorkScope & {
  /** Announces jobs (pg-boss); without it, this process cannot submit jobs. */
  readonly queueIn?: JobQueueSource;
  /**
   * Read replicas (DATABASE_REPLICA_URLS): the read models then read from a replica where they may
   * (past the read floor the request scope keeps), and every commit records the primary's position
   * on the sessions it was made in.
   */
  readonly replicas?: ReplicaRouter;
};

/** Every statement, the read models' included, reaches the ORM's logger (see OrmOptions.onQuery). */
export const createPostgresAdapters = (orm: MikroORM, options: PostgresAdapterOptions = {}): PostgresAdapters => {
  const { queueIn, scope, replicas } = options;
  // Outside a transaction, the repositories and the read models alike run on the root manager: they
  // speak only through Kysely statements on its pool, never through an identity map, and a fork per
  // call was 2 % of a request's CPU in a profile (docs/benchmarks.md). Only the tenants' erasure, which
  // opens a transaction of its own, starts from a fork.
  const fork = () => orm.em.fork();
  const root = () => orm.em;
  // The read models that answer the API's reads go where the router says; the session check (which
  // must see a session ended a moment ago) and the account export (a job's whole read) stay on the primary.
  const replicaScope = replicas ? scope : undefined;
  const read: ReadSource = replicas ? () => replicas.target(orm.em, scope?.current().progress.readFloor) : root;
  const unitOfWork = new MikroOrmUnitOfWork(orm, {
    ...(queueIn ? { queueIn } : {}),
    ...(scope ? { scope } : {}),
    ...(replicaScope ? { afterCommit: () => recordPositions(orm, replicaScope) } : {}),
  });
  return {
    repositories: makePostgresRepositories(root, queueIn, replicaScope),
    unitOfWork: scope ? claimingIdempotencyKeys(unitOfWork, () => scope.current().progress.idempotencyClaim) : unitOfWork,
    queries: {
      actors: new KyselyActorQueries(root, replicaScope),
      accounts: new KyselyAccountQueries(root),
      articles: new KyselyArticleQueries(read),
      profiles: new KyselyProfileQueries(read),
      comments: new KyselyCommentQueries(read),
      tags: new KyselyTagQueries(read),
    },
    tenancy: { tenants: new KyselyTenantRepository(root), contents: new PostgresTenantContents(fork) },
  };
};

/**
 * After a commit: the request reads from the primary from now on, and the sessions it ran in keep
 * the primary's position for their next requests. One statement, only with replicas. Should it
 * fail (the primary went away right after the commit), the write stands and is answered as done;
 * the session's next reads may then come from a replica that has not replayed it yet, for at most
 * the lag bound.
 */
const recordPositions = async (orm: MikroORM, scope: RequestScope): Promise<void> => {
  const sessionIds = wrote(scope.current().progress);
  if (sessionIds.length === 0) return;
  await recordWritePositions.rows(orm.em, { sessionIds: [...sessionIds] }).catch(() => undefined);
};
