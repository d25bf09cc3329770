import { availableParallelism } from 'node:os';
import type { PasswordHasher } from '@conduit/domain';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import pLimit, { type LimitFunction } from 'p-limit';

// `Algorithm.Argon2id`; the binding exports a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

export type Argon2Parameters = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * CPUs the hashing may use at once: all but the one the event loop needs (at least one). More
 * concurrent hashes would only queue for the same CPUs while starving every other request.
 */
export const defaultHashConcurrency = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Hashes on libuv's thread pool (the binding runs off the JavaScript thread), never on the event
 * loop, and at most `concurrency` at a time, so a burst of logins leaves CPU for cheap requests.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private readonly slots: LimitFunction;

  constructor(
    private readonly parameters: Argon2Parameters = OWASP_ARGON2ID,
    concurrency: number = defaultHashConcurrency(),
  ) {
    this.slots = pLimit(concurrency);
  }

  hash(plain: string): Promise<string> {
    return this.slots(() => hash(plain, { algorithm: ARGON2ID, ...this.parameters }));
  }

  needsRehash(hashed: string): boolean {
    // PHC string: $argon2id$v=19$m=19456,t=2,p=1$salt$hash
    const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hashed);
    if (!match) return true;
    const [, algorithm, , memory, time, parallelism] = match;
    return (
      algorithm !== 'argon2id' ||
      Number(memory) !== this.parameters.memoryCost ||
      Number(time) !== this.parameters.timeCost ||
      Number(parallelism) !== this.parameters.parallelism
    );
  }

  async verify(hashed: string, plain: string): Promise<boolean> {
    try {
      return await this.slots(() => verify(hashed, plain));
    } catch {
      // An unparseable stored hash is a mismatch, never a crash of the login route.
      return false;
    }
  }
}
