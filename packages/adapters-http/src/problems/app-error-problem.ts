import type { AppError } from '@conduit/app';
import { assertNever } from '@conduit/domain';
import { edgeProblems } from './edge-problems.js';
import type { ProblemSpec } from './problem.js';

/** The one table from expected failures to HTTP. Exhaustive: a new AppError breaks the build here. */
export const problemForAppError = (error: AppError): ProblemSpec => {
  switch (error.type) {
    case 'UsernameTaken':
      return {
        status: 422,
        code: 'USERNAME_TAKEN',
        title: 'Username taken',
        detail: 'Another account uses this username.',
        errors: { username: ['has already been taken'] },
      };
    case 'EmailTaken':
      return {
        status: 422,
        code: 'EMAIL_TAKEN',
        title: 'Email taken',
        detail: 'Another account uses this email.',
        errors: { email: ['has already been taken'] },
      };
    case 'InvalidCredentials':
      return {
        status: 401,
        code: 'INVALID_CREDENTIALS',
        title: 'Invalid credentials',
        detail: 'The email or password is wrong.',
        errors: { credentials: ['invalid'] },
        headers: { 'WWW-Authenticate': 'Token realm="conduit"' },
      };
    case 'CurrentUserGone':
      return edgeProblems.unauthenticated('invalid');
    case 'ProfileNotFound':
      return {
        status: 404,
        code: 'PROFILE_NOT_FOUND',
        title: 'Profile not found',
        detail: 'No user has this username.',
        errors: { profile: ['not found'] },
      };
    case 'CannotFollowYourself':
      return {
        status: 422,
        code: 'CANNOT_FOLLOW_YOURSELF',
        title: 'Cannot follow yourself',
        detail: 'A user cannot follow their own profile.',
        errors: { username: ['cannot be your own'] },
      };
    case 'RoleChangeForbidden':
      return {
        status: 403,
        code: 'ROLE_CHANGE_FORBIDDEN',
        title: 'Forbidden',
        detail: 'Roles are assigned by operators, not over the API.',
        errors: { role: ['can only be changed by an operator'] },
      };
    case 'FeatureDisabled':
      return error.feature === 'registration'
        ? {
            status: 403,
            code: 'REGISTRATION_CLOSED',
            title: 'Registration closed',
            detail: 'New accounts cannot be created at the moment.',
            errors: { registration: ['is closed'] },
          }
        : {
            status: 403,
            code: 'COMMENTS_DISABLED',
            title: 'Comments disabled',
            detail: 'New comments cannot be posted at the moment.',
            errors: { comments: ['are disabled'] },
          };
    case 'ArticleNotFound':
      return {
        status: 404,
        code: 'ARTICLE_NOT_FOUND',
        title: 'Article not found',
        detail: 'No article has this slug.',
        errors: { article: ['not found'] },
      };
    case 'ArticleEditForbidden':
      return {
        status: 403,
        code: 'ARTICLE_EDIT_FORBIDDEN',
        title: 'Forbidden',
        detail: 'Only the author may edit this article.',
        errors: { article: ['forbidden'] },
      };
    case 'ArticleDeleteForbidden':
      return {
        status: 403,
        code: 'ARTICLE_DELETE_FORBIDDEN',
        title: 'Forbidden',
        detail: 'Only the author may delete this article.',
        errors: { article: ['forbidden'] },
      };
    case 'CommentNotFound':
      return {
        status: 404,
        code: 'COMMENT_NOT_FOUND',
        title: 'Comment not found',
        detail: 'This article has no comment with this id.',
        errors: { comment: ['not found'] },
      };
    case 'CommentDeleteForbidden':
      return {
        status: 403,
        code: 'COMMENT_DELETE_FORBIDDEN',
        title: 'Forbidden',
        detail: 'Only the author may delete this comment.',
        errors: { comment: ['forbidden'] },
      };
    default:
      return assertNever(error);
  }
};
