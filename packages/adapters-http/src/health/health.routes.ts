import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../routes/router.js';
import type { Health } from './health.js';

const HEALTH_JSON = 'application/health+json';

const HealthResponse = z
  .object({
    status: z.enum(['pass', 'fail']),
    description: z.string().optional(),
    checks: z
      .record(
        z.string(),
        z.array(
          z.object({
            status: z.enum(['pass', 'fail']),
            observedValue: z.number().optional(),
            observedUnit: z.string().optional(),
            output: z.string().optional(),
          }),
        ),
      )
      .optional(),
  })
  .openapi('Health');

const healthContent = { [HEALTH_JSON]: { schema: HealthResponse } };

export const livezRoute = createRoute({
  method: 'get',
  path: '/livez',
  operationId: 'Liveness',
  tags: ['Operations'],
  summary: 'The process is up; touches no dependency',
  security: [],
  'x-auth-mode': 'none',
  responses: { 200: { description: 'Alive', content: healthContent } },
});

export const readyzRoute = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'Readiness',
  tags: ['Operations'],
  summary: 'Ready for traffic: PostgreSQL answers, and the process is not shutting down',
  security: [],
  'x-auth-mode': 'none',
  responses: {
    200: { description: 'Ready', content: healthContent },
    503: { description: 'Not ready (database down or draining)', content: healthContent },
  },
});

const noStore = { 'Content-Type': HEALTH_JSON, 'Cache-Control': 'no-store' };

export const healthRouter = (health: Health) =>
  createRouter()
    .openapi(livezRoute, (c) => c.json({ status: 'pass' as const }, 200, noStore))
    .openapi(readyzRoute, async (c) => {
      if (health.isDraining()) {
        return c.json({ status: 'fail' as const, description: 'shutting down' }, 503, noStore);
      }
      const report = await health.readiness();
      return c.json(report, report.status === 'pass' ? 200 : 503, noStore);
    });
