import type { Flag } from '@conduit/domain';
import type { Config } from './config.js';

/** Each flag's default: FEATURE_REGISTRATION and FEATURE_COMMENTS from the environment, the rest on. */
export const flagDefaults = (config: Config): Readonly<Record<Flag, boolean>> =>
  Object.freeze({
    registration: config.FEATURE_REGISTRATION,
    comments: config.FEATURE_COMMENTS,
    imports: true,
    'account-export': true,
    mcp: true,
    'mcp-writes': true,
  });
