export * from './authorized.js';
export * from './builders.js';
export * from './checked-values.js';
export * from './persistence-fixture.js';
export * from './repository-contracts.js';
