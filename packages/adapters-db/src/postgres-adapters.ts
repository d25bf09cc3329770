import type { Queries } from '@conduit/app';
import type { Repositories, UnitOfWork } from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work.js';
import { PgReader } from './queries/pg-reader.js';
import type { StatementHook } from './statement-hook-logger.js';
import { SqlActorQueries } from './queries/sql-actor-queries.js';
import { SqlArticleQueries } from './queries/sql-article-queries.js';
import { SqlCommentQueries } from './queries/sql-comment-queries.js';
import { SqlProfileQueries } from './queries/sql-profile-queries.js';
import { SqlTagQueries } from './queries/sql-tag-queries.js';
import { makeMikroOrmRepositories } from './repositories/mikro-orm-repositories.js';

export type PostgresAdapters = {
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly queries: Queries;
};

export type PostgresAdapterOptions = {
  /** Called after every SQL statement the read models run, with its duration. */
  readonly onQuery?: StatementHook;
};

export const createPostgresAdapters = (orm: MikroORM, options: PostgresAdapterOptions = {}): PostgresAdapters => {
  const fork = () => orm.em.fork();
  const reader = new PgReader(orm, options.onQuery);
  return {
    repositories: makeMikroOrmRepositories(fork),
    unitOfWork: new MikroOrmUnitOfWork(orm),
    queries: {
      actors: new SqlActorQueries(reader),
      articles: new SqlArticleQueries(reader),
      profiles: new SqlProfileQueries(reader),
      comments: new SqlCommentQueries(reader),
      tags: new SqlTagQueries(reader),
    },
  };
};
