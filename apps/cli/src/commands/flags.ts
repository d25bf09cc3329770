import type { FlagView } from '@conduit/app';
import type { Core } from '@conduit/composition';
import { checkFlagChange, type FlagSetting, formatFlagState, systemActor } from '@conduit/domain';

type Operator = { readonly operator: string };

const REFUSED = 'flags are changed by operators and by the publication’s admins';

/** A setting's record: who, when, and why if said. */
const recordOf = (setting: FlagSetting): string =>
  `by ${setting.changedBy} at ${setting.changedAt.toISOString()}${setting.reason === null ? '' : `: ${setting.reason}`}`;

/** A flag's lines: its value for the publication (set, or its default), then one line per article set apart. */
const linesOf = (view: FlagView): string[] => [
  view.setting === null
    ? `${view.flag}\t${view.defaultOn ? 'on' : 'off'}\t(default)`
    : `${view.flag}\t${formatFlagState(view.setting.state)}\t${recordOf(view.setting)}`,
  ...view.articles.map(
    (setting) =>
      `${view.flag}\t${formatFlagState(setting.state)}\tarticle ${setting.target.kind === 'article' ? setting.target.slug : ''}\t${recordOf(setting)}`,
  ),
];

/** `conduit [--tenant SLUG] flags list`: every flag of the publication, a line each (and a line per article set apart). */
export const listFlags = async (core: Core, options: Operator): Promise<number> => {
  const result = await core.useCases.listFlags({ actor: systemActor(options.operator) });
  if (result.isErr()) {
    process.stderr.write(`${REFUSED}\n`);
    return 1;
  }
  for (const view of result.value) process.stdout.write(`${linesOf(view).join('\n')}\n`);
  return 0;
};

/**
 * `conduit [--tenant SLUG] flags set FLAG on|off|N% [--article SLUG] [--reason TEXT]`, and `flags
 * unset FLAG` (`state` null): recorded with the operator's name, heard by every server and worker
 * at the commit.
 */
export const changeFlag = async (
  core: Core,
  flag: string,
  state: string | null,
  options: Operator & { readonly article?: string; readonly reason?: string },
): Promise<number> => {
  const change = checkFlagChange({ flag, state, article: options.article, reason: options.reason });
  if (change.isErr()) {
    for (const [field, problems] of Object.entries(change.error)) process.stderr.write(`${field} ${problems.join(', ')}\n`);
    return 2;
  }
  const result = await core.useCases.changeFlag({ actor: systemActor(options.operator) }, change.value);
  if (result.isErr()) {
    process.stderr.write(`${REFUSED}\n`);
    return 1;
  }
  process.stdout.write(`${linesOf(result.value).join('\n')}\n`);
  return 0;
};

/** `conduit [--tenant SLUG] flags history [--limit N]`: the latest changes, newest first. */
export const flagHistory = async (core: Core, options: Operator & { readonly limit: number }): Promise<number> => {
  const result = await core.useCases.flagHistory({ actor: systemActor(options.operator) }, options.limit);
  if (result.isErr()) {
    process.stderr.write(`${REFUSED}\n`);
    return 1;
  }
  for (const change of result.value) {
    const where = change.target.kind === 'article' ? `\tarticle ${change.target.slug}` : '';
    const to = change.state === null ? 'unset' : formatFlagState(change.state);
    process.stdout.write(
      `${change.changedAt.toISOString()}\t${change.changedBy}\t${change.flag}\t${to}${where}${change.reason === null ? '' : `\t${change.reason}`}\n`,
    );
  }
  return 0;
};
