import type { Flag, FlagSetting, FlagState } from './flag.js';
import { rolloutBucket } from './rollout.js';

/** One publication's settings, indexed for evaluation: per flag, its publication-wide state and its articles'. */
export type FlagStates = ReadonlyMap<Flag, { readonly publication?: FlagState; readonly articles: ReadonlyMap<string, FlagState> }>;

export const NO_FLAG_STATES: FlagStates = new Map();

export const indexFlagSettings = (settings: readonly FlagSetting[]): FlagStates => {
  const states = new Map<Flag, { publication?: FlagState; articles: Map<string, FlagState> }>();
  for (const setting of settings) {
    const entry = states.get(setting.flag) ?? { articles: new Map<string, FlagState>() };
    if (setting.target.kind === 'article') entry.articles.set(setting.target.slug, setting.state);
    else entry.publication = setting.state;
    states.set(setting.flag, entry);
  }
  return states;
};

/** Who and what a flag is asked for: the user (their id, the rollouts' key) and the article, where known. */
export type FlagSubject = { readonly userKey?: string; readonly article?: string };

/**
 * The state that applies to `subject`: its article's, else the publication's; none when neither is
 * set (the flag's default applies).
 */
export const flagStateFor = (states: FlagStates, flag: Flag, subject: FlagSubject): FlagState | undefined => {
  const entry = states.get(flag);
  if (entry === undefined) return undefined;
  return (subject.article === undefined ? undefined : entry.articles.get(subject.article)) ?? entry.publication;
};

/** Whether a state is on for `userKey`: a rollout is on for its share of users, and off for nobody in particular (no user). */
export const isOnFor = (state: FlagState, flag: Flag, userKey: string | undefined): boolean => {
  if (state.kind !== 'rollout') return state.kind === 'on';
  return userKey !== undefined && rolloutBucket(flag, userKey) < state.percent;
};
