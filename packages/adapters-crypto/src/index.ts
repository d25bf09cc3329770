export * from './argon2-password-hasher.js';
export * from './jose-tokens.js';
export * from './random-suffix-generator.js';
