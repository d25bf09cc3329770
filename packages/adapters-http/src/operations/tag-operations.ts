import { failureStatuses } from '../problems/app-error-problem.js';
import { TagsResponse } from '../schemas/tag.schemas.js';
import { operation } from './operation.js';

export const tagOperations = [
  operation({
    auth: 'none',
    http: {
      method: 'get',
      path: '/tags',
      operationId: 'GetTags',
      tags: ['Tags'],
      summary: 'Every tag in use, most used first',
      status: 200,
      description: 'The tags',
    },
    request: {},
    response: TagsResponse,
    failures: failureStatuses('listTags', []),
    run: (useCases) => useCases.listTags(),
    present: (tags) => ({ tags }),
    mcp: { name: 'list_tags', title: 'List tags', description: 'Every tag in use, most used first.', hints: { readOnlyHint: true } },
  }),
] as const;
