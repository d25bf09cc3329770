import { randomInt } from 'node:crypto';
import type { SuffixGenerator } from '@conduit/domain';

const VALUES = 36 ** 6;

/**
 * Six random base-36 characters: about 2 billion values, so suffixes do not collide in practice.
 * Every new article draws one (its fallback slug), so `randomInt`, which serves from a buffer of
 * random bytes it refills in bulk, rather than a `randomBytes` call (and a buffer) each time.
 */
export class RandomSuffixGenerator implements SuffixGenerator {
  next(): string {
    return randomInt(VALUES).toString(36).padStart(6, '0');
  }
}
