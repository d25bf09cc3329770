import type { FeatureFlags, Features } from '@conduit/app';
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

/** The defaults alone, the same for every request: for tools that run outside any publication's flags. */
export const configuredFeatureFlags = (config: Config): FeatureFlags => {
  const defaults = flagDefaults(config);
  const features: Features = { enabled: (flag) => Promise.resolve(defaults[flag]) };
  return { for: () => features };
};
