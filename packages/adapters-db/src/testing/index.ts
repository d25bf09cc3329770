export * from './outage-proxy.js';
export * from './test-database.js';
