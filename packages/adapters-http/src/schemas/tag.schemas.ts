import { z } from '@hono/zod-openapi';

export const TagsResponse = z.object({ tags: z.array(z.string()) }).openapi('TagsResponse');
