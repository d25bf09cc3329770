import type { Actor, Flag, SystemActor } from '@conduit/domain';

/** What a flag is asked about besides the work's publication and user: the article, for a setting of one article. */
export type FlagQuestion = { readonly article?: string };

/**
 * The flags as the current work sees them (its publication, its user, their role): asked when a
 * use case needs one, never read from the environment. Evaluating one costs no database round trip.
 */
export interface Features {
  enabled(flag: Flag, about?: FlagQuestion): Promise<boolean>;
}

/** Port: the flags for one actor's work, in the current publication; the composition backs it with OpenFeature. */
export interface FeatureFlags {
  for(actor: Actor | SystemActor): Features;
}

export type FeatureDisabled = { readonly type: 'FeatureDisabled'; readonly feature: Flag };

/** Every flag on: for tools that switch none (a seed, a batch script run by an operator). */
export const ALL_FEATURES_ON: Features = { enabled: () => Promise.resolve(true) };
