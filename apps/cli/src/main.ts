import { parseConfig, resetLocalData } from '@conduit/composition';
import { type Role, systemActor } from '@conduit/domain';
import { Command, InvalidArgumentError } from 'commander';
import { lockAccount, revokeSessions, unlockAccount } from './commands/accounts.js';
import { exportArticles } from './commands/export-articles.js';
import { importArticles } from './commands/import-articles.js';
import { cancelJob, listJobs, showJob } from './commands/jobs.js';
import { seed } from './commands/seed.js';
import { addTenant, listTenants, removeTenant } from './commands/tenants.js';
import { runWorker } from './commands/worker.js';
import { flagsCommand } from './flags-command.js';
import { environment, fail, oneJobCommand, oneThingCommand, operatorOption, program, withCore } from './program.js';

program
  .command('migrate')
  .description('apply every pending database migration (DATABASE_URL, or the embedded database)')
  .action(() =>
    withCore(
      async ({ appliedMigrations }) => {
        process.stdout.write(
          appliedMigrations.length === 0
            ? 'no migrations were pending: the database is up to date\n'
            : `applied ${appliedMigrations.length} migration${appliedMigrations.length === 1 ? '' : 's'}: ${appliedMigrations.join(', ')}\n`,
        );
      },
      { anyTenant: true },
    ),
  );

program
  .command('tenants')
  .description('the publications this deployment hosts, each at its own host names')
  .addCommand(
    new Command('add')
      .description('add a tenant, served at each --host (a host name, or *.domain for any one label there)')
      .argument('<slug>')
      .option('--host <name>', 'a host name it is served at (repeatable)', (value: string, all: string[]) => [...all, value], [])
      .option(...operatorOption)
      .action((slug: string, options: { host: string[]; operator: string }) =>
        withCore(
          async (core) => {
            process.exitCode = await addTenant(core, slug, options);
          },
          { anyTenant: true },
        ),
      ),
  )
  .addCommand(
    new Command('list')
      .description('every tenant: id, slug, hosts')
      .option(...operatorOption)
      .action((options: { operator: string }) =>
        withCore(
          async (core) => {
            process.exitCode = await listTenants(core, options);
          },
          { anyTenant: true },
        ),
      ),
  )
  .addCommand(
    new Command('remove')
      .description('remove a tenant and its hosts; refused while it holds data unless --purge')
      .argument('<slug>')
      .option('--purge', 'delete every row of the tenant first (cannot be undone)')
      .option(...operatorOption)
      .action((slug: string, options: { purge?: boolean; operator: string }) =>
        withCore(
          async (core) => {
            process.exitCode = await removeTenant(core, slug, options);
          },
          { anyTenant: true },
        ),
      ),
  );

program.addCommand(flagsCommand);

program
  .command('reset')
  .description(
    "delete the embedded database and the generated JWT secret in DATA_DIR: the next start begins empty (refused while they're in use)",
  )
  .requiredOption('--yes', 'confirm: what is deleted cannot be recovered')
  .action(async () => {
    const parsed = parseConfig(environment);
    if (!parsed.ok) return fail(parsed.message);
    try {
      const { removed } = await resetLocalData(parsed.config);
      process.stdout.write(`deleted the embedded database and JWT secret in ${removed}\n`);
    } catch (error) {
      fail(`not reset: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

const roleCommand = (name: string, role: Role, description: string) =>
  new Command(name)
    .description(`${description}; several names are each changed on their own, one line each`)
    .argument('<usernames...>')
    .option('--operator <name>', 'who is acting: stored with the role, next to when (default: $USER)', environment.USER ?? 'operator')
    .action((usernames: string[], options: { operator: string }) =>
      withCore(async ({ useCases }) => {
        for (const username of usernames) {
          const result = await useCases.setUserRole({ actor: systemActor(options.operator) }, { username, role });
          if (result.isOk()) {
            const { username: name, role: given, assignedBy, assignedAt } = result.value;
            process.stdout.write(`${name} is now ${given} (recorded: by ${assignedBy} at ${assignedAt.toISOString()})\n`);
            continue;
          }
          const error = result.error;
          if (error.type === 'ProfileNotFound') fail(`no user named "${error.username}"`);
          else fail('roles may only be assigned by an operator');
        }
      }),
    );

program
  .command('users')
  .description('manage user accounts')
  .addCommand(roleCommand('promote', 'admin', 'make a user an admin (may edit and delete any article or comment)'))
  .addCommand(roleCommand('demote', 'user', 'make an admin a regular user again'))
  .addCommand(
    oneThingCommand('revoke', '<username>', 'end every session of a user: each of their tokens is refused from now on', revokeSessions),
  )
  .addCommand(
    oneThingCommand(
      'lock',
      '<username>',
      'lock an account: it cannot sign in and its sessions end (its content stays); recorded with --operator and the time',
      lockAccount,
      (command) => command.requiredOption('--reason <text>', 'why: kept with the lock'),
    ),
  )
  .addCommand(oneThingCommand('unlock', '<username>', 'unlock an account: it may sign in again', unlockAccount));

program
  .command('import')
  .description('bulk work through the same use cases as the API')
  .addCommand(
    new Command('articles')
      .description('import NDJSON articles, one {"article":{"title","description","body","tagList"}} a line ("-" reads stdin)')
      .argument('<file>')
      .option('--as <username>', 'the existing user whose articles they become (with --item-authors: of items that name none)')
      .option('--item-authors', 'an item\'s "author" (an existing user, as an export writes it) decides whose article it is')
      .option('--errors <file>', 'where refused items go, one {"item","errors"} a line (default: <file>.errors.ndjson)')
      .option(...operatorOption)
      .action((file: string, options: { as?: string; errors?: string; operator: string; itemAuthors?: boolean }) =>
        withCore(async (core) => {
          process.exitCode = await importArticles(core, file, options);
        }),
      ),
  );

program
  .command('export')
  .description('stream data out as NDJSON, constant memory')
  .addCommand(
    new Command('articles')
      .description('every article, oldest first, as lines `conduit import articles` reads back')
      .option('--author <username>', "only this author's articles")
      .option('--tag <tag>', 'only articles with this tag')
      .option('--out <file>', 'write here instead of standard output')
      .action((options: { author?: string; tag?: string; out?: string }) =>
        withCore(async (core) => {
          process.exitCode = await exportArticles(core, options);
        }),
      ),
  );

const count = (text: string) => {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('must be a whole number');
  return value;
};

program
  .command('seed')
  .description(
    'deterministic demo data through the use cases: users demo1…N (password "conduit-demo"), articles, follows, favorites, comments',
  )
  .option('--users <n>', 'demo users (existing ones are reused)', count, 20)
  .option('--articles <n>', 'articles, spread over the users', count, 200)
  .option('--seed <n>', 'the same seed gives the same data', count, 1)
  .option('--again', 'add another copy when demo users already have articles (otherwise refused, exit 1)')
  .option(...operatorOption)
  .action((options: { users: number; articles: number; seed: number; operator: string; again?: boolean }) =>
    withCore(
      async (core) => {
        if (options.users < 1) return fail('--users must be at least 1');
        process.exitCode = await seed(core, options);
      },
      // Two imports and four users' follows and favorites at a time, each on a connection.
      { poolSize: 4 },
    ),
  );

program
  .command('jobs')
  .description('the jobs of every user (imports over the API), as an operator sees them')
  .addCommand(
    new Command('list')
      .description('jobs, newest first: id, status, processed/total, succeeded, refused, created')
      .option('--limit <n>', 'how many', count, 20)
      .option('--offset <n>', 'how many to skip', count, 0)
      .option(...operatorOption)
      .action((options: { limit: number; offset: number; operator: string }) =>
        withCore(async (core) => {
          process.exitCode = await listJobs(core, options);
        }),
      ),
  )
  .addCommand(oneJobCommand('show', 'one job as JSON, item errors included', showJob))
  .addCommand(
    oneJobCommand('cancel', 'cancel a job: a queued one at once, a running one before its next batch (what it applied stays)', cancelJob),
  );

program
  .command('worker')
  .description('run queued jobs until SIGTERM/SIGINT (then hand the job in progress back and exit 0); logs to standard output')
  .option('--concurrency <n>', 'jobs at a time (default: JOB_WORKERS, else 1)', count)
  .action((options: { concurrency?: number }) => {
    const concurrency = Math.max(1, options.concurrency ?? Number(environment.JOB_WORKERS ?? 1));
    return withCore(
      async (core) => {
        process.exitCode = await runWorker(core, { concurrency });
      },
      // A connection per job in progress, and one for the rest. Each job runs for its own tenant.
      // No span of its own: it runs for hours, and each job's run is a span under the trace that queued it.
      { jobs: true, poolSize: concurrency + 1, logLevel: 'info', anyTenant: true, traced: false },
    );
  });

program.addHelpText(
  'after',
  `
Exit codes: 0 done; 1 failed (unknown user or job, unreadable input, any item refused by import, a job that
cannot be canceled).`,
);

await program.parseAsync();
