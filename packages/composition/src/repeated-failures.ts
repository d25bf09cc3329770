import type { Logger } from './logger.js';

/** Long enough that an outage writes a few lines a minute, short enough to show it is still going on. */
export const REPEATED_FAILURE_INTERVAL_MS = 10_000;

export type RepeatedFailureOptions = {
  readonly level: 'warn' | 'error';
  readonly message: string;
  /** How long the failures of one kind are counted before the count is logged. */
  readonly intervalMs: number;
  readonly fields?: Record<string, unknown>;
};

/** The failures of one cause share a kind: the driver's code, else the error's name (pg-boss hands over plain objects). */
const kindOf = (error: unknown): string => {
  if (typeof error !== 'object' || error === null) return typeof error;
  const code: unknown = Reflect.get(error, 'code');
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'object';
};

/**
 * What repeats within an interval, per kind: `first` runs for the first of a kind, the rest are
 * counted, and `summary` gets the count at the interval's end (not at all for a lone one).
 */
export const repeatWindows = (intervalMs: number) => {
  const counting = new Map<string, { repeated: number }>();
  return (kind: string, first: () => void, summary: (repeated: number, intervalMs: number) => void): void => {
    const open = counting.get(kind);
    if (open) {
      open.repeated += 1;
      return;
    }
    first();
    const window = { repeated: 0 };
    counting.set(kind, window);
    setTimeout(() => {
      counting.delete(kind);
      if (window.repeated > 0) summary(window.repeated, intervalMs);
    }, intervalMs).unref();
  };
};

/**
 * For failures that repeat during an incident (a database outage fails every request and every
 * queue poll alike): the first of each kind is logged in full, with its stack; those that follow
 * within `intervalMs` are only counted, and the count is one line at the interval's end. An
 * operator reads the cause once and the rate after it, not thousands of identical stacks.
 */
export const reportRepeatedFailures = (logger: Logger, options: RepeatedFailureOptions): ((error: unknown) => void) => {
  const windows = repeatWindows(options.intervalMs);
  return (error) => {
    const kind = kindOf(error);
    windows(
      kind,
      () => logger[options.level]({ ...options.fields, err: error }, options.message),
      (repeated, intervalMs) =>
        logger[options.level](
          { ...options.fields, kind, repeated, intervalMs },
          `${options.message}: ${repeated} more of the kind within ${intervalMs / 1000} s`,
        ),
    );
  };
};
