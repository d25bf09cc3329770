import { err, ok, type Result } from 'neverthrow';
import type { Actor, SystemActor } from '../shared/actor.js';
import type { RoleChangeForbidden } from './user.errors.js';

/** Roles are assigned by operators from the command line only, never over the API. */
export const canAssignRoles = (actor: Actor | SystemActor): Result<void, RoleChangeForbidden> =>
  actor.kind === 'system' ? ok(undefined) : err({ type: 'RoleChangeForbidden' });
