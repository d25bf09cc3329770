export * from './in-memory-adapters.js';
export * from './in-memory-store.js';
