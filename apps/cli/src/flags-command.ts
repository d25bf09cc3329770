import { FLAGS } from '@conduit/domain';
import { Command, InvalidArgumentError } from 'commander';
import { changeFlag, flagHistory, listFlags } from './commands/flags.js';
import { operatorOption, withCore } from './program.js';

const positive = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000) throw new InvalidArgumentError('a whole number from 1 to 1000');
  return parsed;
};

type ChangeOptions = { operator: string; article?: string; reason?: string };

/** `conduit [--tenant SLUG] flags …`: the publication's flags (--tenant's), changed live on every server. */
export const flagsCommand = new Command('flags')
  .description(`the publication's feature flags (${FLAGS.join(', ')}), changed live on every server and worker`)
  .addCommand(
    new Command('list')
      .description('every flag: its value (set, or its default), who set it, when and why')
      .option(...operatorOption)
      .action((options: { operator: string }) =>
        withCore(async (core) => {
          process.exitCode = await listFlags(core, options);
        }),
      ),
  )
  .addCommand(
    new Command('set')
      .description('set a flag: on, off, or on for a share of the users (10%), for the publication or one --article (comments)')
      .argument('<flag>')
      .argument('<state>', 'on | off | N%')
      .option('--article <slug>', 'only for this article (comments)')
      .option('--reason <text>', 'why, kept with the change')
      .option(...operatorOption)
      .action((flag: string, state: string, options: ChangeOptions) =>
        withCore(async (core) => {
          process.exitCode = await changeFlag(core, flag, state, options);
        }),
      ),
  )
  .addCommand(
    new Command('unset')
      .description('set a flag back to its default (the environment’s), for the publication or one --article')
      .argument('<flag>')
      .option('--article <slug>', 'only for this article (comments)')
      .option('--reason <text>', 'why, kept with the change')
      .option(...operatorOption)
      .action((flag: string, options: ChangeOptions) =>
        withCore(async (core) => {
          process.exitCode = await changeFlag(core, flag, null, options);
        }),
      ),
  )
  .addCommand(
    new Command('history')
      .description('the latest changes of the flags, newest first: when, who, what, why')
      .option('--limit <n>', 'how many (1-1000)', positive, 50)
      .option(...operatorOption)
      .action((options: { operator: string; limit: number }) =>
        withCore(async (core) => {
          process.exitCode = await flagHistory(core, options);
        }),
      ),
  );
