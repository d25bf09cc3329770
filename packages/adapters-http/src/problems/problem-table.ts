import type { AppError } from '@conduit/app';
import type { ProblemSpec } from './problem.js';

/** Each AppError by its `type`. */
export type AppErrors = { [E in AppError as E['type']]: E };
export type AppErrorType = keyof AppErrors;

/** One row: the status (data, so routes can declare it) and the words for one failure. */
type ProblemRow<E> = {
  readonly status: ProblemSpec['status'];
  readonly describe: (error: E) => Omit<ProblemSpec, 'status'>;
};
export type ProblemTable = { readonly [T in AppErrorType]: ProblemRow<AppErrors[T]> };
