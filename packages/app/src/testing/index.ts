export * from './query-contracts.js';
