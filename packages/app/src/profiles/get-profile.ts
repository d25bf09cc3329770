import { type ProfileNotFound, viewerIdOf } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';

export const makeGetProfile =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: Context, username: string): ResultAsync<ProfileView, ProfileNotFound> =>
    safeTry(async function* () {
      const profile = await deps.queries.profiles.byUsername(username, viewerIdOf(ctx.actor));
      return profile === null ? err({ type: 'ProfileNotFound', username } as const) : ok(profile);
    });
