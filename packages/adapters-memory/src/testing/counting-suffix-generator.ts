import type { SuffixGenerator } from '@conduit/domain';

/** Predictable suffixes (`s1`, `s2`, ...) for tests that assert slugs. */
export class CountingSuffixGenerator implements SuffixGenerator {
  private count = 0;

  next(): string {
    this.count += 1;
    return `s${this.count}`;
  }
}
