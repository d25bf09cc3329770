/** The current time. A port so that tests control time and timestamps are deterministic. */
export interface Clock {
  now(): Date;
}
