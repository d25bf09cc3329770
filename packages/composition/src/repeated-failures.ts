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

/** The failures of one cause share a kind: the driver's code, else the error's name. */
const kindOf = (error: unknown): string => {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
};

/**
 * For failures that repeat during an incident (a database outage fails every request and every
 * queue poll alike): the first of each kind is logged in full, with its stack; those that follow
 * within `intervalMs` are only counted, and the count is one line at the interval's end. An
 * operator reads the cause once and the rate after it, not thousands of identical stacks.
 */
export const reportRepeatedFailures = (logger: Logger, options: RepeatedFailureOptions): ((error: unknown) => void) => {
  const counting = new Map<string, { repeated: number }>();
  return (error) => {
    const kind = kindOf(error);
    const open = counting.get(kind);
    if (open) {
      open.repeated += 1;
      return;
    }
    logger[options.level]({ ...options.fields, err: error }, options.message);
    const window = { repeated: 0 };
    counting.set(kind, window);
    setTimeout(() => {
      counting.delete(kind);
      if (window.repeated > 0) {
        logger[options.level](
          { ...options.fields, kind, repeated: window.repeated, intervalMs: options.intervalMs },
          `${options.message}: ${window.repeated} more of the kind within ${options.intervalMs / 1000} s`,
        );
      }
    }, options.intervalMs).unref();
  };
};
