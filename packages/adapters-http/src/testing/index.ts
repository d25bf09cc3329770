export * from './http-test-harness.js';
export * from './mcp-test-client.js';
export * from './openapi-validator.js';
export * from './owned-world.js';
export * from './recording-logger.js';
export * from './tool-arguments-arbitrary.js';
export * from './valid-tool-arguments.js';
