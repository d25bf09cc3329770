export * from './http-test-harness.js';
export * from './openapi-validator.js';
export * from './recording-logger.js';
