export * from './counting-suffix-generator.js';
export * from './fake-clock.js';
export * from './fake-password-hasher.js';
export * from './fake-token-issuer.js';
export * from './in-memory-use-cases.js';
