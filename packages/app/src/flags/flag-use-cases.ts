import {
  type Actor,
  auditName,
  canChangeFlag,
  canReadFlags,
  FLAGS,
  type Flag,
  type FlagChange,
  type FlagChangeForbidden,
  type FlagChangeRecord,
  type FlagSetting,
  type SystemActor,
} from '@conduit/domain';
import { ok, ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/** A flag at the publication: its default, its setting for the whole publication (if any), and its articles' settings. */
export type FlagView = {
  readonly flag: Flag;
  readonly defaultOn: boolean;
  readonly setting: FlagSetting | null;
  readonly articles: readonly FlagSetting[];
};

type Deps = Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'flagDefaults'>;
type OperatorContext = { readonly actor: Actor | SystemActor };

const ALL_ON: Readonly<Record<Flag, boolean>> = Object.fromEntries(FLAGS.map((flag) => [flag, true])) as Record<Flag, boolean>;

const viewsOf = (settings: readonly FlagSetting[], defaults: Readonly<Record<Flag, boolean>>, only?: Flag): FlagView[] =>
  FLAGS.filter((flag) => only === undefined || flag === only).map((flag) => ({
    flag,
    defaultOn: defaults[flag],
    setting: settings.find((setting) => setting.flag === flag && setting.target.kind === 'publication') ?? null,
    articles: settings.filter((setting) => setting.flag === flag && setting.target.kind === 'article'),
  }));

/** Every flag of the current publication, as its admins and operators see them. */
export const makeListFlags =
  (deps: Deps) =>
  (ctx: OperatorContext): ResultAsync<FlagView[], FlagChangeForbidden> =>
    safeTry(async function* () {
      yield* canReadFlags(ctx.actor);
      return ok(viewsOf(await deps.repositories.flags.settings(), deps.flagDefaults ?? ALL_ON));
    });

/**
 * Sets a flag of the current publication (for all of it, or for one article), or sets it back to
 * its default (`state` null), recording who did it, when and why. Every server and worker hears of
 * it when it commits, and evaluates it so from their next request.
 */
export const makeChangeFlag =
  (deps: Deps) =>
  (ctx: OperatorContext, change: FlagChange): ResultAsync<FlagView, FlagChangeForbidden> =>
    safeTry(async function* () {
      const allowed = yield* canChangeFlag(ctx.actor, change.flag);
      const record: FlagChangeRecord = { ...change, changedBy: auditName(ctx.actor), changedAt: deps.clock.now() };
      const settings = yield* deps.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(repositories.flags.change(record, allowed).then(() => repositories.flags.settings())),
      );
      const [view] = viewsOf(settings, deps.flagDefaults ?? ALL_ON, change.flag);
      if (view === undefined) throw new Error(`no view of flag ${change.flag}`);
      return ok(view);
    });

/** The latest changes of the current publication's flags, newest first. */
export const makeFlagHistory =
  (deps: Deps) =>
  (ctx: OperatorContext, limit: number): ResultAsync<FlagChangeRecord[], FlagChangeForbidden> =>
    safeTry(async function* () {
      const allowed = yield* canReadFlags(ctx.actor);
      return ok(await deps.repositories.flags.history(limit, allowed));
    });
