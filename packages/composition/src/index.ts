export * from './config.js';
export * from './core.js';
export * from './dot-env.js';
export * from './env-example.js';
export * from './feature-flags.js';
export * from './job-workers.js';
export * from './logger.js';
export * from './startup-failure.js';
