import { randomBytes } from 'node:crypto';
import type { SuffixGenerator } from '@conduit/domain';

/** Six random base-36 characters: about 2 billion values, so suffixes do not collide in practice. */
export class RandomSuffixGenerator implements SuffixGenerator {
  next(): string {
    return randomBytes(5).readUIntBE(0, 5).toString(36).slice(-6).padStart(6, '0');
  }
}
