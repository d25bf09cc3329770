import { presentProfileResponse } from '../presenters/profile.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { usernameParam } from '../schemas/fields.js';
import { ProfileResponse } from '../schemas/profile.schemas.js';
import { operation } from './operation.js';

const tags = ['Profile'];

export const profileOperations = [
  operation({
    auth: 'optional',
    http: {
      method: 'get',
      path: '/profiles/{username}',
      operationId: 'GetProfileByUsername',
      tags,
      summary: 'A profile, with whether the viewer follows it',
      status: 200,
      description: 'The profile',
    },
    request: { params: usernameParam },
    response: ProfileResponse,
    failures: failureStatuses('getProfile', ['ProfileNotFound']),
    run: (useCases, ctx, { username }) => useCases.getProfile(ctx, username),
    present: presentProfileResponse,
    mcp: {
      name: 'get_profile',
      title: 'Read a profile',
      description:
        "A user's public profile: username, bio, image, and whether the caller follows them. PROFILE_NOT_FOUND if nobody has this username.",
      hints: { readOnlyHint: true },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/profiles/{username}/follow',
      operationId: 'FollowUserByUsername',
      tags,
      summary: 'Follow a user (idempotent; no body needed)',
      status: 200,
      description: 'The followed profile',
    },
    request: { params: usernameParam },
    response: ProfileResponse,
    failures: failureStatuses('followUser', ['ProfileNotFound', 'CannotFollowYourself']),
    run: (useCases, ctx, { username }) => useCases.followUser(ctx, username),
    present: presentProfileResponse,
    mcp: {
      name: 'follow_user',
      title: 'Follow a user',
      description: "Follows the user: their articles appear in the caller's feed (idempotent). Answers their profile.",
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/profiles/{username}/follow',
      operationId: 'UnfollowUserByUsername',
      tags,
      summary: 'Unfollow a user (idempotent)',
      status: 200,
      description: 'The unfollowed profile',
    },
    request: { params: usernameParam },
    response: ProfileResponse,
    failures: failureStatuses('unfollowUser', ['ProfileNotFound']),
    run: (useCases, ctx, { username }) => useCases.unfollowUser(ctx, username),
    present: presentProfileResponse,
    mcp: {
      name: 'unfollow_user',
      title: 'Unfollow a user',
      description: 'Stops following the user (idempotent). Answers their profile.',
      hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
  }),
] as const;
