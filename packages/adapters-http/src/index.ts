export * from './create-http-app.js';
export type { Health } from './health/health.js';
export * from './http-deps.js';
export { createHttpMetrics, type HttpMetrics } from './observability/metrics.js';
export { RequestTimings } from './observability/request-timings.js';
export { toProblem as renderProblem } from './problems/problem.js';
export { clientAddressResolver } from './rate-limit/client-address.js';
export { createRateLimits } from './rate-limit/rate-limits.js';
export type { RateLimits } from './rate-limit/rate-limits.types.js';
