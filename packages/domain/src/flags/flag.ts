import { err, ok, type Result } from 'neverthrow';
import { type FieldErrors, requiredText, STORABLE_TEXT, tooLong } from '../shared/text-rules.js';

/**
 * What an operator can switch per publication. `registration` and `comments` take their defaults
 * from the environment; the rest are on unless set. `comments` can also be set for one article.
 */
export const FLAGS = ['registration', 'comments', 'imports', 'account-export', 'mcp', 'mcp-writes'] as const;
export type Flag = (typeof FLAGS)[number];

export const isFlag = (value: string): value is Flag => FLAGS.some((flag) => flag === value);

/** Flags that can be set for one article as well as for the whole publication. */
const ARTICLE_FLAGS: ReadonlySet<Flag> = new Set(['comments']);

/** On, off, or on for a share of the users (a whole percentage, 1-99). */
export type FlagState = { readonly kind: 'on' } | { readonly kind: 'off' } | { readonly kind: 'rollout'; readonly percent: number };

/** What a setting applies to: the whole publication, or one article (by its slug). */
export type FlagTarget = { readonly kind: 'publication' } | { readonly kind: 'article'; readonly slug: string };
export const PUBLICATION: FlagTarget = { kind: 'publication' };

export const FLAG_REASON_MAX = 500;
/** Why a flag was changed, as checkFlagChange made it; optional. */
export type FlagReason = string & { readonly __brand: 'FlagReason' };

/** A flag's state in its written form: `on`, `off` or `25%`. */
export const formatFlagState = (state: FlagState): string => (state.kind === 'rollout' ? `${state.percent}%` : state.kind);

const ROLLOUT = /^(\d{1,3})%$/;

/** `on`, `off` or `<n>%` (0% is off, 100% is on). */
export const parseFlagState = (value: unknown): Result<FlagState, string> => {
  if (value === 'on' || value === 'off') return ok({ kind: value });
  const percent = typeof value === 'string' ? ROLLOUT.exec(value)?.[1] : undefined;
  if (percent === undefined) return err("must be 'on', 'off' or a percentage such as '10%'");
  const share = Number(percent);
  if (share > 100) return err('must be a percentage from 0% to 100%');
  if (share === 0) return ok({ kind: 'off' });
  if (share === 100) return ok({ kind: 'on' });
  return ok({ kind: 'rollout', percent: share });
};

/** A change an operator asks for: which flag, where, to what (null: back to the default), and why. */
export type FlagChange = {
  readonly flag: Flag;
  readonly target: FlagTarget;
  readonly state: FlagState | null;
  readonly reason: FlagReason | null;
};

const SLUG_MAX = 255;

/** Checks text from outside (a command line, a request body) into a change, with every problem by field. */
export const checkFlagChange = (input: {
  readonly flag: unknown;
  readonly state: unknown;
  readonly article?: unknown;
  readonly reason?: unknown;
}): Result<FlagChange, FieldErrors> => {
  const problems: FieldErrors = {};
  const flag = typeof input.flag === 'string' && isFlag(input.flag) ? input.flag : undefined;
  if (flag === undefined) problems.flag = [`must be one of ${FLAGS.join(', ')}`];
  let state: FlagState | null = null;
  if (input.state !== null) {
    const parsed = parseFlagState(input.state);
    if (parsed.isErr()) problems.state = [parsed.error];
    else state = parsed.value;
  }
  let target: FlagTarget = PUBLICATION;
  if (input.article !== undefined && input.article !== null) {
    const slug = requiredText(input.article, SLUG_MAX);
    if ('problem' in slug) problems.article = [slug.problem];
    else if (flag !== undefined && !ARTICLE_FLAGS.has(flag))
      problems.article = [`only ${[...ARTICLE_FLAGS].join(', ')} can be set for one article`];
    else target = { kind: 'article', slug: slug.text };
  }
  let reason: FlagReason | null = null;
  if (input.reason !== undefined && input.reason !== null) {
    if (typeof input.reason !== 'string') problems.reason = ['must be a string'];
    else if (!STORABLE_TEXT.test(input.reason)) problems.reason = ['contains a character that cannot be stored'];
    else if (input.reason.trim().length > FLAG_REASON_MAX) problems.reason = [tooLong(FLAG_REASON_MAX)];
    else if (input.reason.trim() !== '') reason = input.reason.trim() as FlagReason;
  }
  if (flag === undefined || Object.keys(problems).length > 0) return err(problems);
  return ok({ flag, target, state, reason });
};

/** A flag as set at one publication, with who set it, when and why. */
export type FlagSetting = {
  readonly flag: Flag;
  readonly target: FlagTarget;
  readonly state: FlagState;
  readonly changedBy: string;
  readonly changedAt: Date;
  readonly reason: FlagReason | null;
};
