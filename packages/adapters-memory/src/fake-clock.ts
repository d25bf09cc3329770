import type { Clock } from '@conduit/domain';

/** A clock that advances one millisecond per reading, so "newest first" is deterministic in tests. */
export class SteppingClock implements Clock {
  private current: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): Date {
    this.current += 1;
    return new Date(this.current);
  }
}
