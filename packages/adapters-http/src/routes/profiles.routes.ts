import type { UseCases } from '@conduit/app';
import { authenticatedRoute, optionalAuthRoute } from '../auth/route-auth.js';
import { presentProfileResponse } from '../presenters/profile.presenter.js';
import { appProblem } from '../problems/app-problem.js';
import { usernameParam } from '../schemas/fields.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { ProfileResponse } from '../schemas/profile.schemas.js';
import { json, jsonHeaders } from './json-content.js';
import { createRouter } from './router.js';

export const getProfileRoute = optionalAuthRoute({
  method: 'get',
  path: '/profiles/{username}',
  operationId: 'GetProfileByUsername',
  tags: ['Profile'],
  summary: 'A profile, with whether the viewer follows it',
  request: { params: usernameParam },
  responses: { 200: { description: 'The profile', ...json(ProfileResponse) }, ...problemResponses(404, 422) },
});

export const followRoute = authenticatedRoute({
  method: 'post',
  path: '/profiles/{username}/follow',
  operationId: 'FollowUserByUsername',
  tags: ['Profile'],
  summary: 'Follow a user (idempotent; no body needed)',
  request: { params: usernameParam },
  responses: { 200: { description: 'The followed profile', ...json(ProfileResponse) }, ...problemResponses(401, 404, 422) },
});

export const unfollowRoute = authenticatedRoute({
  method: 'delete',
  path: '/profiles/{username}/follow',
  operationId: 'UnfollowUserByUsername',
  tags: ['Profile'],
  summary: 'Unfollow a user (idempotent)',
  request: { params: usernameParam },
  responses: { 200: { description: 'The unfollowed profile', ...json(ProfileResponse) }, ...problemResponses(401, 404, 422) },
});

export const profilesRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(getProfileRoute, async (c) => {
      const result = await useCases.getProfile({ actor: c.get('actor'), features: c.get('features') }, c.req.valid('param').username);
      return result.isOk() ? c.json(presentProfileResponse(result.value), 200, jsonHeaders(c)) : appProblem(c, result.error);
    })
    .openapi(followRoute, async (c) => {
      const result = await useCases.followUser({ actor: c.get('actor'), features: c.get('features') }, c.req.valid('param').username);
      return result.isOk() ? c.json(presentProfileResponse(result.value), 200, jsonHeaders(c)) : appProblem(c, result.error);
    })
    .openapi(unfollowRoute, async (c) => {
      const result = await useCases.unfollowUser({ actor: c.get('actor'), features: c.get('features') }, c.req.valid('param').username);
      return result.isOk() ? c.json(presentProfileResponse(result.value), 200, jsonHeaders(c)) : appProblem(c, result.error);
    });
