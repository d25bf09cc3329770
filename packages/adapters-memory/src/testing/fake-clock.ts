import type { Clock } from '@conduit/domain';

/** A clock that advances one millisecond per reading (and a wait's length per wait, without waiting), so "newest first" is deterministic in tests. */
export class SteppingClock implements Clock {
  private current: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): Date {
    this.current += 1;
    return new Date(this.current);
  }

  /** Time moves on at once; other work gets its turn first, as it would while waiting. */
  async wait(ms: number): Promise<void> {
    this.current += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
