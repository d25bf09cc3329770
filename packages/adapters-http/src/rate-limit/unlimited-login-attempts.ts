import type { LoginAttempts } from './rate-limits.types.js';

/** Rate limiting switched off: every login attempt is allowed and nothing is counted. */
export const unlimitedLoginAttempts: LoginAttempts = {
  begin: async () => ({ allowed: true, headers: {}, settle: async () => undefined }),
};
