import { err, ok, type Result } from 'neverthrow';
import {
  BLANK,
  type FieldErrors,
  field,
  NOTHING_TO_CHANGE,
  requiredText,
  STORABLE_TEXT,
  tooLong,
  UNSTORABLE,
} from '../shared/text-rules.js';

/** How long each part of an account may be. The HTTP schemas take their limits from here. */
export const USER_LIMITS = { username: 64, email: 254, passwordMin: 8, passwordMax: 256, bio: 2000, image: 2048 } as const;

export const USERNAME_CHARACTERS = /^[A-Za-z0-9_.-]+$/;
export const USERNAME_CHARACTERS_RULE = 'may contain only letters, digits, "_", "." and "-"';
/** The address form the API has always taken (zod's own pattern), here so every driver refuses the same addresses. */
export const EMAIL_FORM = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const INVALID = 'is invalid';
export const IMAGE_URL = /^https?:\/\/\S+$/i;
export const NOT_AN_IMAGE_URL = 'must be an http(s) URL';
export const tooShort = (min: number) => `is too short (minimum is ${min} characters)`;

type Checked<T> = { value: T } | { problem: string };

const checkUsername = (value: unknown): Checked<string> => {
  const text = requiredText(value, USER_LIMITS.username);
  if ('problem' in text) return text;
  return USERNAME_CHARACTERS.test(text.text) ? { value: text.text } : { problem: USERNAME_CHARACTERS_RULE };
};

const checkEmail = (value: unknown): Checked<string> => {
  const text = requiredText(value, USER_LIMITS.email);
  if ('problem' in text) return text;
  return EMAIL_FORM.test(text.text) ? { value: text.text } : { problem: INVALID };
};

/** Text that is not trimmed (spaces belong to a password), stored as given. */
const untrimmed = (value: unknown): Checked<string> => {
  if (value === undefined || value === null) return { problem: BLANK };
  if (typeof value !== 'string') return { problem: 'must be a string' };
  if (!STORABLE_TEXT.test(value)) return { problem: UNSTORABLE };
  return { value };
};

const checkPassword = (value: unknown): Checked<string> => {
  const text = untrimmed(value);
  if ('problem' in text) return text;
  if (text.value.trim() === '') return { problem: BLANK };
  if (text.value.length < USER_LIMITS.passwordMin) return { problem: tooShort(USER_LIMITS.passwordMin) };
  if (text.value.length > USER_LIMITS.passwordMax) return { problem: tooLong(USER_LIMITS.passwordMax) };
  return text;
};

/** A field that may be cleared: null as is, else text up to `max`, refused by `rule` when given. */
const clearable = (value: unknown, max: number, rule?: { test: (text: string) => boolean; problem: string }): Checked<string | null> => {
  if (value === null) return { value: null };
  const text = untrimmed(value);
  if ('problem' in text) return text;
  if (text.value.length > max) return { problem: tooLong(max) };
  if (rule && !rule.test(text.value)) return { problem: rule.problem };
  return text;
};

type Rules = Readonly<Record<string, (value: unknown) => Checked<unknown>>>;

const signUpRules: Rules = { username: checkUsername, email: checkEmail, password: checkPassword };

const profileRules: Rules = {
  username: checkUsername,
  email: checkEmail,
  // Settings forms send the empty password field back: "" leaves the password as it is.
  password: (value) => (value === '' ? { value } : checkPassword(value)),
  bio: (value) => clearable(value, USER_LIMITS.bio),
  image: (value) => clearable(value, USER_LIMITS.image, { test: (text) => text === '' || IMAGE_URL.test(text), problem: NOT_AN_IMAGE_URL }),
};

/** The fields of `candidate` by their rules; with `required`, a missing one is checked (blank) too. */
const checkFields = (candidate: unknown, rules: Rules, required: boolean): Result<Record<string, unknown>, FieldErrors> => {
  const errors: FieldErrors = {};
  const fields: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const value = field(candidate, name);
    if (value === undefined && !required) continue;
    const checked = rule(value);
    if ('problem' in checked) errors[name] = [checked.problem];
    else fields[name] = checked.value;
  }
  return Object.keys(errors).length > 0 ? err(errors) : ok(fields);
};

declare const checked: unique symbol;

/** A sign-up that passed the rules (`checkSignUp`, the only way to make one). */
export type SignUp = { readonly username: string; readonly email: string; readonly password: string; readonly [checked]: 'SignUp' };

/**
 * Changes to one's own account that passed the rules (`checkProfileChanges`, the only way to make
 * them). A password of "" leaves it unchanged (settings forms send the empty field back); a bio or
 * image of "" or null clears it.
 */
export type ProfileUpdate = {
  readonly username?: string;
  readonly email?: string;
  readonly password?: string;
  readonly bio?: string | null;
  readonly image?: string | null;
  readonly [checked]: 'ProfileUpdate';
};

/** The rules of a new account: the same limits and words as a POST /api/users answered with 422. */
export const checkSignUp = (candidate: unknown): Result<SignUp, FieldErrors> =>
  checkFields(candidate, signUpRules, true).map((fields) => fields as SignUp);

/** The rules of the settings form: each field present by the sign-up's rules; nothing to change is refused, keyed `user`. */
export const checkProfileChanges = (candidate: unknown): Result<ProfileUpdate, FieldErrors> =>
  checkFields(candidate, profileRules, false).andThen((fields) =>
    Object.keys(fields).length === 0 ? err({ user: [NOTHING_TO_CHANGE] }) : ok(fields as ProfileUpdate),
  );
