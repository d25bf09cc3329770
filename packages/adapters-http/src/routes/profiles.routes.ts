import type { UseCases } from '@conduit/app';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { presentProfileResponse } from '../presenters/profile.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { usernameParam } from '../schemas/fields.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { ProfileResponse } from '../schemas/profile.schemas.js';
import { json } from './json-content.js';
import { respond, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

export const getProfileRoute = optionalAuthRoute({
  method: 'get',
  path: '/profiles/{username}',
  operationId: 'GetProfileByUsername',
  tags: ['Profile'],
  summary: 'A profile, with whether the viewer follows it',
  request: { params: usernameParam },
  responses: {
    200: { description: 'The profile', ...json(ProfileResponse) },
    ...problemResponses(422, ...failureStatuses('getProfile', ['ProfileNotFound'])),
  },
});

export const followRoute = authenticatedRoute({
  method: 'post',
  path: '/profiles/{username}/follow',
  operationId: 'FollowUserByUsername',
  tags: ['Profile'],
  summary: 'Follow a user (idempotent; no body needed)',
  request: { params: usernameParam },
  responses: {
    200: { description: 'The followed profile', ...json(ProfileResponse) },
    ...problemResponses(401, 422, ...failureStatuses('followUser', ['ProfileNotFound', 'CannotFollowYourself'])),
  },
});

export const unfollowRoute = authenticatedRoute({
  method: 'delete',
  path: '/profiles/{username}/follow',
  operationId: 'UnfollowUserByUsername',
  tags: ['Profile'],
  summary: 'Unfollow a user (idempotent)',
  request: { params: usernameParam },
  responses: {
    200: { description: 'The unfollowed profile', ...json(ProfileResponse) },
    ...problemResponses(401, 422, ...failureStatuses('unfollowUser', ['ProfileNotFound'])),
  },
});

export const profilesRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(getProfileRoute, async (c) => {
      const result = await useCases.getProfile(useCaseContext(c), c.req.valid('param').username);
      return respond(c, result, presentProfileResponse, 200);
    })
    .openapi(followRoute, async (c) => {
      const result = await useCases.followUser(useCaseContext(c), c.req.valid('param').username);
      return respond(c, result, presentProfileResponse, 200);
    })
    .openapi(unfollowRoute, async (c) => {
      const result = await useCases.unfollowUser(useCaseContext(c), c.req.valid('param').username);
      return respond(c, result, presentProfileResponse, 200);
    });
