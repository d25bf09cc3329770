import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../validation/validation-hook.js';

/** Sub-routers do not inherit the parent's hook, so every router is made here, with it. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
