import type { PasswordHasher } from '@conduit/domain';

/**
 * A cheap, obviously fake hasher for unit tests: argon2 is exercised by its own adapter tests.
 * `fake-old:<password>` stands for a hash made with outdated parameters.
 */
export class FakePasswordHasher implements PasswordHasher {
  /** How many passwords were checked: lets tests show a limit stopped guesses before the check. */
  verifications = 0;

  async hash(plain: string): Promise<string> {
    return `fake-hash:${plain}`;
  }

  async verify(hash: string, plain: string): Promise<boolean> {
    this.verifications++;
    return hash === `fake-hash:${plain}` || hash === `fake-old:${plain}`;
  }

  needsRehash(hash: string): boolean {
    return !hash.startsWith('fake-hash:');
  }
}
