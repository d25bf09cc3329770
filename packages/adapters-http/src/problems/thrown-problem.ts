import { IdempotencyKeyHeld } from '@conduit/domain';
import { HTTPException } from 'hono/http-exception';
import type { HttpLogger } from '../observability/http-logger.js';
import { edgeProblems } from './edge-problems.js';
import type { ProblemSpec } from './problem.js';
import { ProblemException } from './problem-exception.js';

/** How the composition root wants dependency failures recognized and reported (see HttpDeps). */
export type DependencyFailures = {
  readonly isDependencyUnavailable: (error: unknown) => boolean;
  readonly onDependencyUnavailable?: (error: unknown) => void;
};

/**
 * The problem for a failure that no use case returned, whatever the transport (the HTTP app's error
 * handler, an MCP tool call): the client's faults and expected refusals as theirs, a dependency down
 * as 503, anything else as a defect, logged in full and disclosed only by request id.
 */
export const problemForThrown = (error: unknown, logger: HttpLogger, failures: DependencyFailures): ProblemSpec => {
  // A duplicate of a keyed write that is still in flight: it rolled back having applied nothing.
  if (error instanceof IdempotencyKeyHeld) return edgeProblems.idempotentRequestInProgress();
  // An expected refusal (deadline, overload): its access line names the code; no line of its own.
  if (error instanceof ProblemException) return error.spec;
  // Hono's JSON validator raises this for an unparseable body: the client's fault, not ours.
  if (error instanceof HTTPException && error.status === 400) return edgeProblems.malformedJson();
  if (failures.isDependencyUnavailable(error)) {
    if (failures.onDependencyUnavailable) failures.onDependencyUnavailable(error);
    else logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'dependency unavailable');
    return edgeProblems.dependencyUnavailable();
  }
  logger.error({ err: error }, 'unhandled error');
  return edgeProblems.internalError();
};
