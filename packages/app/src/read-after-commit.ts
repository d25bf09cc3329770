/** Attempts of a read after a commit: the first, and two more on fresh connections. */
const ATTEMPTS = 3;

/**
 * Reads what a write just committed, for its answer. The write is done whatever happens here, so a
 * failed read (the database dropped the connection right after the commit; the pool replaces a
 * broken connection on the next attempt) is tried again before it becomes the answer: a 503 for a
 * write that was applied tells the client to do it twice. What still fails is re-thrown; a client
 * that sent an Idempotency-Key then learns from its retry that the write was applied.
 */
export const readAfterCommit = async <T>(read: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
    }
  }
};
