import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations/index.js';
import { allRecords } from './records/index.js';
import { type StatementHook, StatementHookLogger } from './statement-hook-logger.js';

export type OrmOptions = {
  readonly databaseUrl: string;
  /** Upper bound of pooled connections. */
  readonly poolSize?: number;
  /** Server-side bound on each statement (PostgreSQL `statement_timeout`); absent means none. */
  readonly statementTimeoutMs?: number;
  /** How long a request may wait for a pooled connection before failing fast. */
  readonly acquireTimeoutMs?: number;
  /** Called after every SQL statement the ORM runs, with its duration (database time, tests). */
  readonly onQuery?: StatementHook;
};

/** The ORM handle the composition root passes around, without importing MikroORM itself. */
export type Orm = MikroORM;

export const createOrm = async (options: OrmOptions): Promise<MikroORM> =>
  MikroORM.init({
    clientUrl: options.databaseUrl,
    entities: allRecords,
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, transactional: true, silent: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Passed to the pg pool and its connections.
    driverOptions: {
      application_name: 'conduit',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      ...(options.acquireTimeoutMs ? { connectionTimeoutMillis: options.acquireTimeoutMs } : {}),
    },
    allowGlobalContext: false,
    ...(options.onQuery ? { loggerFactory: () => new StatementHookLogger(options.onQuery as StatementHook) } : {}),
  });

/** Applies every pending migration; safe to call at each start. */
export const migrateToLatest = async (orm: MikroORM): Promise<void> => {
  await orm.migrator.up();
};
