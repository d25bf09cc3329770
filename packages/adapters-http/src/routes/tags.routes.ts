import type { UseCases } from '@conduit/app';
import { registerOperations } from '../operations/http-operation.js';
import { tagOperations } from '../operations/tag-operations.js';
import { createRouter } from './router.js';

/** Tags: declared once (operations/tag-operations.ts), for HTTP and MCP alike. */
export const tagsRouter = (useCases: UseCases) => {
  const router = createRouter();
  registerOperations(router, useCases, tagOperations);
  return router;
};
