/** Capabilities that can be switched off at run time without a deploy. */
export type Feature = 'registration' | 'comments';

/** The flags as evaluated for one request: constant while it runs. */
export type FeatureSnapshot = Readonly<Record<Feature, boolean>>;

/** Port: evaluated once per request at the boundary; the use cases decide what a flag means. */
export interface FeatureFlags {
  evaluate(): FeatureSnapshot;
}

export type FeatureDisabled = { readonly type: 'FeatureDisabled'; readonly feature: Feature };

export const ALL_FEATURES_ON: FeatureSnapshot = { registration: true, comments: true };
