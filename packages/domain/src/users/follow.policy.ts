import { err, ok, type Result } from 'neverthrow';
import type { UserActor } from '../shared/actor.js';
import type { CannotFollowYourself } from './user.errors.js';
import type { User } from './user.js';

export const canFollow = (actor: UserActor, target: User): Result<void, CannotFollowYourself> =>
  actor.userId === target.id ? err({ type: 'CannotFollowYourself' }) : ok(undefined);
