import type { UseCases } from '@conduit/app';
import { publicRoute } from '../auth/route-auth.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { TagsResponse } from '../schemas/tag.schemas.js';
import { json } from './json-content.js';
import { respond } from './respond.js';
import { createRouter } from './router.js';

export const listTagsRoute = publicRoute({
  method: 'get',
  path: '/tags',
  operationId: 'GetTags',
  tags: ['Tags'],
  summary: 'Every tag in use, most used first',
  responses: { 200: { description: 'The tags', ...json(TagsResponse) }, ...problemResponses(...failureStatuses('listTags', [])) },
});

export const tagsRouter = (useCases: UseCases) =>
  createRouter().openapi(listTagsRoute, async (c) => {
    return respond(c, await useCases.listTags(), (tags) => ({ tags }), 200);
  });
