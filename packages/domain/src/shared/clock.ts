/** The current time, and waiting for it to pass. A port so that tests control time and timestamps are deterministic. */
export interface Clock {
  now(): Date;
  /** Resolves once `ms` have passed (a test clock just moves on). */
  wait(ms: number): Promise<void>;
}
