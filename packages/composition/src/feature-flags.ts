import type { FeatureFlags, FeatureSnapshot } from '@conduit/app';
import type { Config } from './config.js';

/** Flags from configuration (FEATURE_REGISTRATION, FEATURE_COMMENTS): the same for every request. */
export const configuredFeatureFlags = (config: Config): FeatureFlags => {
  const snapshot: FeatureSnapshot = Object.freeze({
    registration: config.FEATURE_REGISTRATION,
    comments: config.FEATURE_COMMENTS,
  });
  return { evaluate: () => snapshot };
};
