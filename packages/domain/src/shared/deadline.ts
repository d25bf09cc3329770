/**
 * A point in time past which work is no longer wanted, as an `AbortSignal` is. `committing` is told
 * by a unit of work as it passes its point of no return (its COMMIT, or its one write, is about to
 * be sent): from then on only the database decides whether it is applied, so whoever answers at the
 * deadline cannot say it was not; `pastCommitPoint` says it was told, after which the work is
 * finished however late (a write that committed reads back what it wrote).
 */
export type Deadline = {
  readonly aborted: boolean;
  readonly reason?: unknown;
  readonly committing?: () => void;
  readonly pastCommitPoint?: boolean;
};

/**
 * The deadline of whatever the current unit of work runs for (a request's budget), if it has one.
 * Supplied by the composition root; a batch script or a job worker has none.
 */
export type CurrentDeadline = () => Deadline | undefined;

/** Throws the deadline's reason once it has passed (see UnitOfWork). */
export const throwIfDeadlinePassed = (currentDeadline: CurrentDeadline | undefined): void => {
  const deadline = currentDeadline?.();
  if (deadline?.aborted) throw deadline.reason;
};

/**
 * The last check before the point of no return: throws past the deadline, else tells the deadline
 * that the work is now committing (see Deadline), in the same turn, so no deadline falls between.
 */
export const commitWithinDeadline = (currentDeadline: CurrentDeadline | undefined): void => {
  throwIfDeadlinePassed(currentDeadline);
  currentDeadline?.()?.committing?.();
};
