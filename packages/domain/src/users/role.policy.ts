import { err, ok, type Result } from 'neverthrow';
import type { Actor, SystemActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { RoleChangeForbidden } from './user.errors.js';

/** Roles are assigned by operators from the command line only, never over the API. */
export const canAssignRole = (actor: Actor | SystemActor, username: string): Result<Authorized<'role:assign'>, RoleChangeForbidden> =>
  actor.kind === 'system' ? ok(grant('role:assign', username)) : err({ type: 'RoleChangeForbidden' });
