import {
  type Core,
  composeCore,
  createLogger,
  describeStartupFailure,
  environmentWithDotEnv,
  inCommandSpan,
  parseConfig,
  UnknownTenant,
} from '@conduit/composition';
import { Command } from 'commander';

// Before anything reads a setting (the options' defaults below read $USER and JOB_WORKERS).
export const environment = environmentWithDotEnv();
export const operatorOption = ['--operator <name>', 'who is acting (default: $USER)', environment.USER ?? 'operator'] as const;

export const fail = (message: string) => {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
};

/**
 * The server's own wiring (configuration, database, adapters, use cases), with one connection and
 * the data folder's running database when there is one; the command adds only its transport.
 * Informational logs are off unless LOG_LEVEL asks: the command's output is its answer.
 */
/** The command being run, as typed (`conduit users lock`): the name of its span. */
let running = 'conduit';
const commandPath = (command: Command): string => (command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name());

export const withCore = async (
  work: (core: Core) => Promise<void>,
  options: {
    readonly jobs?: boolean;
    readonly poolSize?: number;
    readonly logLevel?: string;
    readonly anyTenant?: boolean;
    readonly traced?: boolean;
  } = {},
): Promise<void> => {
  const parsed = parseConfig({ LOG_LEVEL: options.logLevel ?? 'warn', ...environment });
  if (!parsed.ok) return fail(parsed.message);
  const logger = createLogger(parsed.config);
  let core: Core;
  try {
    core = await composeCore(parsed.config, logger, {
      databaseMode: 'shared',
      poolSize: options.poolSize ?? 1,
      jobs: options.jobs ?? false,
    });
  } catch (error) {
    return fail(describeStartupFailure(error, parsed.config));
  }
  try {
    // The command's door: its work is one piece of work in the request scope, and one span.
    const inScope = () =>
      options.anyTenant
        ? core.scope.run({}, () => work(core))
        : // Everything the command reads and writes is --tenant's, as a request's is its Host's.
          core.tenants.runNamed(program.opts<{ tenant: string }>().tenant, () => work(core));
    await (options.traced === false ? inScope() : inCommandSpan(running, inScope));
  } catch (error) {
    if (error instanceof UnknownTenant) return fail(error.message);
    // A defect or a lost database mid-command: one line, as for every other failure; the rest in the log.
    logger.debug({ err: error }, 'command failed');
    fail(`failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await core.close();
  }
};

/** A subcommand about one thing (a job by its id, a user by name), done as an operator; the exit code is the command's. */
export const oneThingCommand = <O extends { operator: string }>(
  name: string,
  argument: string,
  description: string,
  run: (core: Core, id: string, options: O) => Promise<number>,
  configure: (command: Command) => Command = (command) => command,
) =>
  configure(
    new Command(name)
      .description(description)
      .argument(argument)
      .option(...operatorOption),
  ).action((id: string, options: O) =>
    withCore(async (core) => {
      process.exitCode = await run(core, id, options);
    }),
  );
export const oneJobCommand = (
  name: string,
  description: string,
  run: (core: Core, id: string, options: { operator: string }) => Promise<number>,
) => oneThingCommand(name, '<id>', description, run);

/** Administrative tasks: the same use cases and database adapter as the server, no HTTP. */
export const program = new Command()
  .name('conduit')
  .description('Conduit administrative tasks')
  .option('--tenant <slug>', 'the publication a command works on (conduit tenants list)', environment.CONDUIT_TENANT ?? 'default')
  .showHelpAfterError()
  .hook('preAction', (_program, action) => {
    running = commandPath(action);
  });
