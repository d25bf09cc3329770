import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations/index.js';
import { allRecords } from './records/index.js';

export type OrmOptions = {
  readonly databaseUrl: string;
  /** Upper bound of pooled connections. */
  readonly poolSize?: number;
  /** Called with every SQL statement the ORM sends; used to count statements in tests. */
  readonly onQuery?: (sql: string) => void;
};

export const createOrm = async (options: OrmOptions): Promise<MikroORM> =>
  MikroORM.init({
    clientUrl: options.databaseUrl,
    entities: allRecords,
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, transactional: true, silent: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    allowGlobalContext: false,
    ...(options.onQuery
      ? {
          debug: ['query'],
          logger: (message: string) => options.onQuery?.(message),
        }
      : {}),
  });

/** Applies every pending migration; safe to call at each start. */
export const migrateToLatest = async (orm: MikroORM): Promise<void> => {
  await orm.migrator.up();
};
