export * from './embedded-postgres.js';
export * from './orm.js';
export * from './postgres-adapters.js';
