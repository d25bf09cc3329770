import { type Config, describeStartupFailure, type Logger } from '@conduit/composition';

/** One line on stderr naming the cause and the fix, the details in the log, exit 1. */
export const failStartWith =
  (config: Config, logger: Logger) =>
  async (error: unknown, cleanUp?: () => Promise<void>): Promise<never> => {
    logger.debug({ err: error }, 'start-up failed');
    await cleanUp?.().catch(() => undefined);
    process.stderr.write(`${describeStartupFailure(error, config)}\n`);
    process.exit(1);
  };
