export * from './create-http-app.js';
export * from './http-deps.js';
export type { AppEnv } from "./app-env.js";
export type { AuthMode } from './auth/route-auth.js';
export type { Problem } from './problems/problem.js';
export { toProblem as renderProblem } from './problems/problem.js';
export type { CheckStatus, Health, ReadinessReport } from './health/health.js';
export { RequestTimings } from './observability/request-timings.js';
export { createHttpMetrics, type HttpMetrics } from './observability/metrics.js';
