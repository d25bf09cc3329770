import type { Queries } from '@conduit/app';
import { claimingIdempotencyKeys, type Repositories, type UnitOfWork, type UnitOfWorkScope } from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work.js';
import { KyselyAccountQueries } from './queries/kysely-account-queries.js';
import { KyselyActorQueries } from './queries/kysely-actor-queries.js';
import { KyselyArticleQueries } from './queries/kysely-article-queries.js';
import { KyselyCommentQueries } from './queries/kysely-comment-queries.js';
import { KyselyProfileQueries } from './queries/kysely-profile-queries.js';
import { KyselyTagQueries } from './queries/kysely-tag-queries.js';
import { type JobQueueSource, makePostgresRepositories } from './repositories/postgres-repositories.js';

export type PostgresAdapters = {
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
};

export type PostgresAdapterOptions = UnitOfWorkScope & {
  /** Announces jobs (pg-boss); without it, this process cannot submit jobs. */
  readonly queueIn?: JobQueueSource;
};

/** Every statement, the read models' included, reaches the ORM's logger (see OrmOptions.onQuery). */
export const createPostgresAdapters = (orm: MikroORM, options: PostgresAdapterOptions = {}): PostgresAdapters => {
  const { queueIn, currentDeadline, currentIdempotencyClaim } = options;
  const fork = () => orm.em.fork();
  // Read models run outside any transaction, on the pool: they use no identity map, so the root
  // manager serves without a fork.
  const root = () => orm.em;
  const unitOfWork = new MikroOrmUnitOfWork(orm, queueIn, currentDeadline);
  return {
    repositories: makePostgresRepositories(fork, queueIn),
    unitOfWork: currentIdempotencyClaim ? claimingIdempotencyKeys(unitOfWork, currentIdempotencyClaim) : unitOfWork,
    queries: {
      actors: new KyselyActorQueries(root),
      accounts: new KyselyAccountQueries(root),
      articles: new KyselyArticleQueries(root),
      profiles: new KyselyProfileQueries(root),
      comments: new KyselyCommentQueries(root),
      tags: new KyselyTagQueries(root),
    },
  };
};
