import { z } from '@hono/zod-openapi';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
const kind = (expected: string) => (expected === 'array' ? 'list' : expected);

/**
 * The words of every validation failure that a schema does not word itself, in RealWorld's style
 * ("can't be blank"). Installed once for the process, so no validator wording ever reaches a client.
 */
export const messageFor = (issue: Issue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? "can't be blank" : `must be ${article(kind(issue.expected))}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? "can't be blank" : `is too short (minimum is ${issue.minimum} characters)`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} items`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long (maximum is ${issue.maximum} characters)`;
      if (issue.origin === 'array') return `has too many items (maximum is ${issue.maximum})`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value: unknown) => JSON.stringify(value)).join(', ')}`;
    case 'not_multiple_of':
      return 'must be a whole number';
    default:
      return 'is invalid';
  }
};

z.config({ customError: messageFor });
