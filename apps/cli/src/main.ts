import { createOrm, migrateToLatest } from '@conduit/adapters-db';
import { Command } from 'commander';

/**
 * Administrative tasks, wired like the server but without HTTP. DATABASE_URL names the database;
 * the server itself also migrates at start, so this is for deploy pipelines that migrate first.
 */
const program = new Command()
  .name('conduit')
  .description('Conduit administrative tasks')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply every pending database migration to DATABASE_URL')
  .action(async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      process.stderr.write('DATABASE_URL is required\n');
      process.exitCode = 1;
      return;
    }
    const orm = await createOrm({ databaseUrl, poolSize: 1 });
    try {
      await migrateToLatest(orm);
      process.stdout.write('migrations applied\n');
    } finally {
      await orm.close();
    }
  });

await program.parseAsync();
