import { type ProfileNotFound, viewerIdOf } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';

export const makeGetProfile =
  (deps: Pick<AppDeps, 'queries'>) =>
  (ctx: Context, username: string): ResultAsync<ProfileView, ProfileNotFound> =>
    asyncResult(async () => {
      const profile = await deps.queries.profiles.byUsername(username, viewerIdOf(ctx.actor));
      return profile === null ? err({ type: 'ProfileNotFound', username } as const) : ok(profile);
    });
