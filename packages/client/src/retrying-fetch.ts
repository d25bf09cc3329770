/** How a client retries: only requests that are safe to send twice, and only on answers that say "later". */
export type RetryPolicy = {
  /** Tries in all, the first included (1 turns retrying off). */
  readonly attempts: number;
  /** The first wait when the server names none; doubled (with jitter) for each further try. */
  readonly baseDelayMs: number;
  /** The longest wait between two tries, whatever `Retry-After` says. */
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

/** Statuses that mean "not now": overloaded, rate limited, or a gateway that lost the server. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Safe to send twice: a read, or a write with an `Idempotency-Key` (the server applies it once and
 * answers a retry with the first answer). A write without one is never retried: it may have been
 * applied even when its answer was lost.
 */
export const isRetrySafe = (request: Request): boolean =>
  request.method === 'GET' || request.method === 'HEAD' || request.headers.has('Idempotency-Key');

/** The wait a `Retry-After` asks for (seconds, or an HTTP date), or undefined. */
export const retryAfterMs = (response: Response): number | undefined => {
  const value = response.headers.get('Retry-After');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
};

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const pause = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * `fetch` with retries by `policy`, for requests `isRetrySafe` allows: a network failure, or a
 * retryable status, is tried again after `Retry-After` (or an exponential backoff with jitter).
 * The last answer (or failure) is the caller's.
 */
export const retryingFetch =
  (fetchOnce: (request: Request) => Promise<Response>, policy: RetryPolicy = DEFAULT_RETRY) =>
  async (request: Request): Promise<Response> => {
    const tries = isRetrySafe(request) ? Math.max(1, policy.attempts) : 1;
    for (let attempt = 1; ; attempt += 1) {
      const last = attempt >= tries;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
      let response: Response;
      try {
        // A request's body can be read once: every try but the last sends a copy.
        response = await fetchOnce(last ? request : request.clone());
      } catch (error) {
        if (last || request.signal.aborted) throw error;
        await pause(backoff, request.signal);
        continue;
      }
      if (last || !RETRYABLE_STATUSES.has(response.status)) return response;
      await response.body?.cancel();
      await pause(Math.min(policy.maxDelayMs, retryAfterMs(response) ?? backoff), request.signal);
    }
  };
