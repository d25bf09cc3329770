import { checkProfileChanges } from '@conduit/domain';
import { presentUser } from '../presenters/user.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { UpdateUserBody, UserResponse } from '../schemas/user.schemas.js';
import { operation } from './operation.js';

const tags = ['User and Authentication'];

/** The signed-in user's own account; sign-up, sign-in and erasure are in routes/users.routes.ts. */
export const userOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/user',
      operationId: 'GetCurrentUser',
      tags,
      summary: 'The signed-in user',
      status: 200,
      description: 'The signed-in user',
    },
    request: {},
    response: UserResponse,
    failures: failureStatuses('getCurrentUser', ['CurrentUserGone']),
    run: (useCases, ctx) => useCases.getCurrentUser(ctx),
    present: presentUser,
    mcp: {
      name: 'get_current_user',
      title: 'Who am I',
      description: 'The signed-in user: username, email, bio, image, and a fresh token.',
      hints: { readOnlyHint: true },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'put',
      path: '/user',
      operationId: 'UpdateCurrentUser',
      tags,
      summary: 'Update the signed-in user; omitted fields stay unchanged',
      status: 200,
      description: 'The updated user',
    },
    request: { body: UpdateUserBody },
    response: UserResponse,
    failures: failureStatuses('updateUser', ['UsernameTaken', 'EmailTaken', 'CurrentUserGone']),
    check: ({ user }) => checkProfileChanges(user),
    run: (useCases, ctx, changes) => useCases.updateUser(ctx, changes),
    present: presentUser,
    mcp: {
      name: 'update_current_user',
      title: 'Update my profile',
      description:
        'Changes any of `user.username`, `user.email`, `user.bio`, `user.image` ("" or null clears bio and image) and `user.password` ("" leaves it). Answers the user.',
      hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    },
  }),
] as const;
