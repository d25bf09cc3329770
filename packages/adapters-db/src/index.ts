export * from './article-period-counts.js';
export type { ConnectionBudgets } from './connection-budgets.js';
export * from './database-errors.js';
export * from './database-health.js';
export * from './embedded-postgres.js';
export { type JobHandlers, type JobRunner, PgBossJobs, type PgBossJobsOptions } from './jobs/pg-boss-jobs.js';
export * from './orm.js';
export * from './postgres-adapters.js';
export type { StatementHook } from './statement-hook-logger.js';
