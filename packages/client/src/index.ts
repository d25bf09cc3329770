export { type ConduitClient, type ConduitClientOptions, createConduitClient } from './client.js';
export { type FollowJobOptions, followJob, type Job, JobNotReadable } from './follow-job.js';
export type { components, operations, paths } from './openapi.js';
export { DEFAULT_RETRY, isRetrySafe, type RetryPolicy, retryingFetch } from './retrying-fetch.js';
