export * from './query-contracts.js';
export * from './tenant-contracts.js';
