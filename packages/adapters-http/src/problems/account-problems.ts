import { edgeProblems } from './edge-problems.js';
import type { ProblemTable } from './problem-table.js';

/** Accounts, profiles and sessions. Rows of the one table (app-error-problem.ts). */
export const accountProblems = {
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
} as const satisfies Partial<ProblemTable>;
