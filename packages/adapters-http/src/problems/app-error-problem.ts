import type { AppError, UseCases } from '@conduit/app';
import type { Result } from 'neverthrow';
import { edgeProblems } from './edge-problems.js';
import type { ProblemSpec } from './problem.js';

/** Each AppError by its `type`. */
type AppErrors = { [E in AppError as E['type']]: E };
export type AppErrorType = keyof AppErrors;

/** One row: the status (data, so routes can declare it) and the words for one failure. */
type ProblemRow<E> = {
  readonly status: ProblemSpec['status'];
  readonly describe: (error: E) => Omit<ProblemSpec, 'status'>;
};
type ProblemTable = { readonly [T in AppErrorType]: ProblemRow<AppErrors[T]> };

/**
 * The one table from expected failures to HTTP. `satisfies` makes it exhaustive: a new AppError
 * type without a row breaks the build here, and every route declares its statuses from these rows
 * (see `failureStatuses`).
 */
export const appErrorProblems = {
  UsernameTaken: {
    status: 422,
    describe: () => ({
      code: 'USERNAME_TAKEN',
      title: 'Username taken',
      detail: 'Another account uses this username.',
      errors: { username: ['has already been taken'] },
    }),
  },
  EmailTaken: {
    status: 422,
    describe: () => ({
      code: 'EMAIL_TAKEN',
      title: 'Email taken',
      detail: 'Another account uses this email.',
      errors: { email: ['has already been taken'] },
    }),
  },
  InvalidCredentials: {
    status: 401,
    describe: () => ({
      code: 'INVALID_CREDENTIALS',
      title: 'Invalid credentials',
      detail: 'The email or password is wrong.',
      errors: { credentials: ['invalid'] },
      headers: { 'WWW-Authenticate': 'Token realm="conduit"' },
    }),
  },
  CurrentUserGone: { status: 401, describe: () => edgeProblems.unauthenticated('invalid') },
  ProfileNotFound: {
    status: 404,
    describe: () => ({
      code: 'PROFILE_NOT_FOUND',
      title: 'Profile not found',
      detail: 'No user has this username.',
      errors: { profile: ['not found'] },
    }),
  },
  CannotFollowYourself: {
    status: 422,
    describe: () => ({
      code: 'CANNOT_FOLLOW_YOURSELF',
      title: 'Cannot follow yourself',
      detail: 'A user cannot follow their own profile.',
      errors: { username: ['cannot be your own'] },
    }),
  },
  RoleChangeForbidden: {
    status: 403,
    describe: () => ({
      code: 'ROLE_CHANGE_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Roles are assigned by operators, not over the API.',
      errors: { role: ['can only be changed by an operator'] },
    }),
  },
  AccountLocked: {
    status: 403,
    describe: () => ({
      code: 'ACCOUNT_LOCKED',
      title: 'Account locked',
      detail: 'This account has been locked by an administrator and cannot sign in.',
      errors: { account: ['is locked'] },
    }),
  },
  AccountActionForbidden: {
    status: 403,
    describe: () => ({
      code: 'ACCOUNT_ACTION_FORBIDDEN',
      title: 'Forbidden',
      detail: "Only an admin may lock an account or end its sessions, and not an admin's.",
      errors: { account: ['forbidden'] },
    }),
  },
  WrongPassword: {
    status: 403,
    describe: () => ({
      code: 'WRONG_PASSWORD',
      title: 'Wrong password',
      detail: 'This action needs the current password of the account, and this is not it.',
      errors: { password: ['is wrong'] },
    }),
  },
  SessionNotFound: {
    status: 404,
    describe: () => ({
      code: 'SESSION_NOT_FOUND',
      title: 'Session not found',
      detail: 'You have no session with this id (it may have ended or expired).',
      errors: { session: ['not found'] },
    }),
  },
  FeatureDisabled: {
    status: 403,
    describe: (error): Omit<ProblemSpec, 'status'> =>
      error.feature === 'registration'
        ? {
            code: 'REGISTRATION_CLOSED',
            title: 'Registration closed',
            detail: 'New accounts cannot be created at the moment.',
            errors: { registration: ['is closed'] },
          }
        : {
            code: 'COMMENTS_DISABLED',
            title: 'Comments disabled',
            detail: 'New comments cannot be posted at the moment.',
            errors: { comments: ['are disabled'] },
          },
  },
  ArticleNotFound: {
    status: 404,
    describe: () => ({
      code: 'ARTICLE_NOT_FOUND',
      title: 'Article not found',
      detail: 'No article has this slug.',
      errors: { article: ['not found'] },
    }),
  },
  ArticleEditForbidden: {
    status: 403,
    describe: () => ({
      code: 'ARTICLE_EDIT_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may edit this article.',
      errors: { article: ['forbidden'] },
    }),
  },
  ArticleDeleteForbidden: {
    status: 403,
    describe: () => ({
      code: 'ARTICLE_DELETE_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may delete this article.',
      errors: { article: ['forbidden'] },
    }),
  },
  CommentNotFound: {
    status: 404,
    describe: () => ({
      code: 'COMMENT_NOT_FOUND',
      title: 'Comment not found',
      detail: 'This article has no comment with this id.',
      errors: { comment: ['not found'] },
    }),
  },
  CommentDeleteForbidden: {
    status: 403,
    describe: () => ({
      code: 'COMMENT_DELETE_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Only the author or an admin may delete this comment.',
      errors: { comment: ['forbidden'] },
    }),
  },
  JobNotFound: {
    status: 404,
    describe: () => ({
      code: 'JOB_NOT_FOUND',
      title: 'Job not found',
      detail: 'No job of yours has this id.',
      errors: { job: ['not found'] },
    }),
  },
  JobAlreadyFinished: {
    status: 409,
    describe: (error) => ({
      code: 'JOB_ALREADY_FINISHED',
      title: 'Job already finished',
      detail: `The job has ${error.status}; only a queued or running job can be canceled.`,
      errors: { job: [`has ${error.status}`] },
    }),
  },
  JobNotFinished: {
    status: 409,
    describe: (error) => ({
      code: 'JOB_NOT_FINISHED',
      title: 'Job not finished',
      detail: `The job is ${error.status}; its result is ready once it has succeeded. Poll the job, then ask again.`,
      errors: { job: [`is ${error.status}`] },
    }),
  },
  JobResultNotFound: {
    status: 404,
    describe: () => ({
      code: 'JOB_RESULT_NOT_FOUND',
      title: 'Job result not found',
      detail: 'This job has no result to download: it makes none (an import), it did not succeed, or its result has expired.',
      errors: { result: ['not found'] },
    }),
  },
  IdempotencyKeyReused: {
    status: 422,
    describe: () => ({
      code: 'IDEMPOTENCY_KEY_REUSED',
      title: 'Idempotency key reused',
      detail: 'This Idempotency-Key was sent before with a different request body; use a new key for a new request.',
      errors: { 'Idempotency-Key': ['was used for a different request'] },
    }),
  },
  UploadMalformed: { status: 400, describe: () => edgeProblems.malformedJson() },
  UploadItemTooLarge: {
    status: 413,
    describe: (error) => ({
      ...edgeProblems.payloadTooLarge(error.limitBytes),
      detail: `Item ${error.item} is larger than ${error.limitBytes} bytes; no article is that large. Is each item on a line of its own?`,
      errors: { [`item ${error.item}`]: [`is larger than ${error.limitBytes} bytes`] },
    }),
  },
  UploadInvalid: { status: 422, describe: (error) => edgeProblems.validationFailed(error.errors) },
  // Tenants are managed from the command line only; no route returns these, the table names them all.
  TenantAdminForbidden: {
    status: 403,
    describe: () => ({
      code: 'TENANT_ADMIN_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Tenants are managed by operators from the command line only.',
      errors: { tenant: ['forbidden'] },
    }),
  },
  TenantSlugInvalid: {
    status: 422,
    describe: (error) => ({
      code: 'TENANT_SLUG_INVALID',
      title: 'Invalid tenant name',
      detail: `"${error.slug}" is not a tenant name: lower-case letters, digits and inner hyphens, 63 at most.`,
      errors: { slug: ['is invalid'] },
    }),
  },
  TenantHostInvalid: {
    status: 422,
    describe: (error) => ({
      code: 'TENANT_HOST_INVALID',
      title: 'Invalid host name',
      detail: `"${error.host}" is not a host name (or a *.domain wildcard).`,
      errors: { host: ['is invalid'] },
    }),
  },
  TenantSlugTaken: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_SLUG_TAKEN',
      title: 'Tenant exists',
      detail: `A tenant named "${error.slug}" exists.`,
      errors: { slug: ['has already been taken'] },
    }),
  },
  TenantHostTaken: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_HOST_TAKEN',
      title: 'Host taken',
      detail: `${error.host} already serves another tenant.`,
      errors: { host: ['has already been taken'] },
    }),
  },
  TenantNotFound: {
    status: 404,
    describe: (error) => ({
      code: 'TENANT_NOT_FOUND',
      title: 'Tenant not found',
      detail: `No tenant is named "${error.slug}".`,
      errors: { tenant: ['not found'] },
    }),
  },
  TenantNotEmpty: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_NOT_EMPTY',
      title: 'Tenant holds data',
      detail: `Tenant "${error.slug}" still holds data; remove it with --purge to delete that data too.`,
      errors: { tenant: ['holds data'] },
    }),
  },
  DefaultTenantKept: {
    status: 409,
    describe: () => ({
      code: 'DEFAULT_TENANT_KEPT',
      title: 'Default tenant kept',
      detail: 'The default tenant serves every unmapped host and cannot be removed.',
      errors: { tenant: ['is the default'] },
    }),
  },
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
