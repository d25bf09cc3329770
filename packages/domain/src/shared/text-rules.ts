/** The rules of text every field follows, in the words RealWorld clients show. */

/** Problems by field, worded as RealWorld clients show them: `{"title":["can't be blank"]}`. */
export type FieldErrors = Record<string, string[]>;

export const BLANK = "can't be blank";
export const tooLong = (max: number) => `is too long (maximum is ${max} characters)`;
export const UNSTORABLE = 'contains a character that cannot be stored';
/** An update that names nothing to change, keyed by its wrapper (`article`, `user`). */
export const NOTHING_TO_CHANGE = 'must contain at least one field to change';

/**
 * Text PostgreSQL can store: no NUL character, no unpaired UTF-16 surrogate (which would be silently
 * replaced on the way in).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character refused here.
export const STORABLE_TEXT = /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/** Required text, trimmed: the value, or the one problem with it. */
export const requiredText = (value: unknown, max: number): { text: string } | { problem: string } => {
  if (value === undefined || value === null) return { problem: BLANK };
  if (typeof value !== 'string') return { problem: 'must be a string' };
  if (!STORABLE_TEXT.test(value)) return { problem: UNSTORABLE };
  const text = value.trim();
  if (text === '') return { problem: BLANK };
  if (text.length > max) return { problem: tooLong(max) };
  return { text };
};

/** A field of a value nobody has checked: undefined unless the value is an object that has it. */
export const field = (candidate: unknown, name: string): unknown =>
  typeof candidate === 'object' && candidate !== null ? Reflect.get(candidate, name) : undefined;
