import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** The name of the unique constraint a failed statement violated, or null for any other failure. */
export const violatedUniqueConstraint = (error: unknown): string | null => {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  // MikroORM copies the driver's error fields onto its exception; pg names the constraint.
  const constraint: unknown = Reflect.get(error, 'constraint');
  return typeof constraint === 'string' ? constraint : '';
};
