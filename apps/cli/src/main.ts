import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSetUserRole } from '@conduit/app';
import { createOrm, createPostgresAdapters, migrateToLatest, openLocalEmbeddedPostgres, type Orm } from '@conduit/adapters-db';
import { type Role, systemActor } from '@conduit/domain';
import { Command } from 'commander';

const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

/**
 * The database the server would use: DATABASE_URL, or the embedded one of the data folder (the
 * running server's, or one started for this command).
 */
const withDatabase = async <T>(work: (orm: Orm) => Promise<T>): Promise<T> => {
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await openLocalEmbeddedPostgres({ dataDir: join(process.env.DATA_DIR ?? defaultDataDir, 'db'), databaseName: 'conduit' });
  const orm = await createOrm({ databaseUrl: database.url, poolSize: 1 });
  try {
    await migrateToLatest(orm);
    return await work(orm);
  } finally {
    await orm.close();
    await database.stop();
  }
};

const fail = (message: string) => {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
};

/** Administrative tasks: the same use cases and database adapter as the server, no HTTP. */
const program = new Command().name('conduit').description('Conduit administrative tasks').showHelpAfterError();

program
  .command('migrate')
  .description('apply every pending database migration (DATABASE_URL, or the embedded database)')
  .action(() =>
    withDatabase(async () => {
      process.stdout.write('migrations applied\n');
    }),
  );

const roleCommand = (name: string, role: Role, description: string) =>
  new Command(name)
    .description(description)
    .argument('<username>')
    .option('--operator <name>', 'who is acting, for the audit trail', process.env.USER ?? 'operator')
    .action((username: string, options: { operator: string }) =>
      withDatabase(async (orm) => {
        const setUserRole = makeSetUserRole(createPostgresAdapters(orm));
        const result = await setUserRole({ actor: systemActor(options.operator) }, { username, role });
        if (result.isOk()) {
          process.stdout.write(`${result.value.username} is now ${result.value.role}\n`);
          return;
        }
        const error = result.error;
        if (error.type === 'ProfileNotFound') fail(`no user named "${error.username}"`);
        else fail('roles may only be assigned by an operator');
      }),
    );

program
  .command('users')
  .description('manage user accounts')
  .addCommand(roleCommand('promote', 'admin', 'make a user an admin (may edit and delete any article or comment)'))
  .addCommand(roleCommand('demote', 'user', 'make an admin a regular user again'));

await program.parseAsync();
