import type { AuthenticatedContext, SelfProfile } from '../context.js';
import type { AppDeps } from '../deps.js';

/**
 * The writer's profile for the answer: the driver's (read with the session check), or, for a
 * driver that has none, read now, before the write. Null when the account is gone: nothing is
 * then written.
 */
export const writerProfile = async (deps: Pick<AppDeps, 'repositories'>, ctx: AuthenticatedContext): Promise<SelfProfile | null> => {
  if (ctx.self !== undefined) return ctx.self;
  const user = await deps.repositories.users.findById(ctx.actor.userId);
  return user === null ? null : { username: user.username, bio: user.bio, image: user.image };
};
