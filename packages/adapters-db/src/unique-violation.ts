import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** The name of the unique constraint a failed statement violated, or null for any other failure. */
export const violatedUniqueConstraint = (error: unknown): string | null =>
  error instanceof UniqueConstraintViolationException
    ? String((error as UniqueConstraintViolationException & { constraint?: string }).constraint ?? '')
    : null;
