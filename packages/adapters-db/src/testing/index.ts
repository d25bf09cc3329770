export * from './outage-proxy.js';
export * from './streaming-replicas.js';
export * from './test-database.js';
