export * from './in-memory-use-cases.js';
