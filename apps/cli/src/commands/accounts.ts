import type { Core } from '@conduit/composition';
import { checkLockReason, systemActor } from '@conduit/domain';

type Operator = { readonly operator: string };

const refused = (error: { readonly type: string; readonly username?: string }, username: string): number => {
  process.stderr.write(error.type === 'ProfileNotFound' ? `no user named "${username}"\n` : `not allowed: ${error.type}\n`);
  return 1;
};

/** `conduit users revoke NAME`: every session of the user ends; each of their tokens is refused from the next request. */
export const revokeSessions = async (core: Core, username: string, options: Operator): Promise<number> => {
  const result = await core.useCases.endUserSessions({ actor: systemActor(options.operator) }, { username });
  if (result.isErr()) return refused(result.error, username);
  process.stdout.write(`${result.value.username}: ${result.value.sessionsEnded} sessions ended\n`);
  return 0;
};

/** `conduit users lock NAME --reason …`: no sign-in, every session ended; recorded with the operator and time. */
export const lockAccount = async (core: Core, username: string, options: Operator & { readonly reason: string }): Promise<number> => {
  const reason = checkLockReason(options.reason);
  if (reason.isErr()) {
    process.stderr.write(`--reason ${reason.error.reason?.join(', ')}\n`);
    return 1;
  }
  const result = await core.useCases.setAccountLock({ actor: systemActor(options.operator) }, { username, lock: { reason: reason.value } });
  if (result.isErr()) return refused(result.error, username);
  const { lock, sessionsEnded } = result.value;
  process.stdout.write(
    `${result.value.username} is locked (recorded: by ${lock?.by} at ${lock?.at.toISOString()}: ${lock?.reason}); ${sessionsEnded} sessions ended\n`,
  );
  return 0;
};

/** `conduit users unlock NAME`: the user may sign in again. */
export const unlockAccount = async (core: Core, username: string, options: Operator): Promise<number> => {
  const result = await core.useCases.setAccountLock({ actor: systemActor(options.operator) }, { username, lock: null });
  if (result.isErr()) return refused(result.error, username);
  process.stdout.write(`${result.value.username} is unlocked\n`);
  return 0;
};
