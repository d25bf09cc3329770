import { err, ok, type Result } from 'neverthrow';
import type { Actor, SystemActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { FlagChangeForbidden } from './flag.errors.js';
import type { Flag } from './flag.js';

/** A publication's flags are changed by its admins over the API, and by operators on the command line. */
export const canChangeFlag = (actor: Actor | SystemActor, flag: Flag): Result<Authorized<'flag:change'>, FlagChangeForbidden> =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin')
    ? ok(grant('flag:change', flag))
    : err({ type: 'FlagChangeForbidden' });

/** Reading the flags' settings (who changed what, why) is for the same people. */
export const canReadFlags = (actor: Actor | SystemActor): Result<Authorized<'flag:read'>, FlagChangeForbidden> =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin')
    ? ok(grant('flag:read', 'flags'))
    : err({ type: 'FlagChangeForbidden' });
