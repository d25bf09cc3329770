import type { AppError, UseCases } from '@conduit/app';
import type { Result } from 'neverthrow';
import { accountProblems } from './account-problems.js';
import { articleProblems } from './article-problems.js';
import { flagProblems } from './flag-problems.js';
import { jobProblems } from './job-problems.js';
import type { ProblemSpec } from './problem.js';
import type { AppErrors, AppErrorType, ProblemTable } from './problem-table.js';
import { tenantProblems } from './tenant-problems.js';

export type { AppErrorType };

/**
 * The one table from expected failures to HTTP, its rows kept by aggregate beside it. `satisfies`
 * makes it exhaustive: a new AppError type without a row breaks the build here, and every route
 * declares its statuses from these rows (see `failureStatuses`).
 */
export const appErrorProblems = {
  ...accountProblems,
  ...articleProblems,
  ...flagProblems,
  ...jobProblems,
  ...tenantProblems,
} as const satisfies ProblemTable;

const rows: ProblemTable = appErrorProblems;

export const problemForAppError = <T extends AppErrorType>(error: AppErrors[T] & { readonly type: T }): ProblemSpec => {
  const row = rows[error.type];
  return { ...row.describe(error), status: row.status };
};

/** The `type` of every failure a use case can return. */
type FailureOf<K extends keyof UseCases> =
  Awaited<ReturnType<UseCases[K]>> extends Result<unknown, infer E extends AppError> ? E['type'] : never;

/**
 * The statuses an operation answers for its use case's failures, read from the table. The list must
 * name every failure the use case can return and nothing else, so a new failure in a use case
 * fails the build until its route declares it.
 */
export const failureStatuses = <K extends keyof UseCases, const T extends readonly FailureOf<K>[]>(
  _useCase: K,
  types: T & ([Exclude<FailureOf<K>, T[number]>] extends [never] ? unknown : { readonly undeclared: Exclude<FailureOf<K>, T[number]> }),
) => types.map((type: T[number]) => appErrorProblems[type].status) as (typeof appErrorProblems)[T[number]]['status'][];
