import type { UseCases } from '@conduit/app';
import { registerOperations } from '../operations/http-operation.js';
import { profileOperations } from '../operations/profile-operations.js';
import { createRouter } from './router.js';

/** Profiles: every operation declared once (operations/profile-operations.ts), for HTTP and MCP alike. */
export const profilesRouter = (useCases: UseCases) => {
  const router = createRouter();
  registerOperations(router, useCases, profileOperations);
  return router;
};
