import type { Queries } from '@conduit/app';
import type { Repositories, UnitOfWork } from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work.js';
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

export const createPostgresAdapters = (orm: MikroORM): PostgresAdapters => {
  const fork = () => orm.em.fork();
  return {
    repositories: makeMikroOrmRepositories(fork),
    unitOfWork: new MikroOrmUnitOfWork(orm),
    queries: {
      articles: new SqlArticleQueries(fork),
      profiles: new SqlProfileQueries(fork),
      comments: new SqlCommentQueries(fork),
      tags: new SqlTagQueries(fork),
    },
  };
};
