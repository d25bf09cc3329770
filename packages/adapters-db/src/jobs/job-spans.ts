import { trace } from '@opentelemetry/api';

/**
 * What pg-boss's `process` span of a job's turn does not know: which of our jobs it is, for which
 * tenant, and how the turn ended (finished, handed back at a shutdown, superseded). pg-boss makes
 * that span under the trace that queued the job (its context is stored with the job:
 * `openTelemetry.propagateContext`), so one trace links the 202 to the worker's run.
 */
export const describeJobTurn = async <T extends string>(
  job: { readonly id: string; readonly tenant: number },
  run: () => Promise<T>,
): Promise<T> => {
  const span = trace.getActiveSpan();
  span?.setAttributes({ 'conduit.job_id': job.id, 'conduit.tenant_id': job.tenant });
  const outcome = await run();
  span?.setAttribute('conduit.job.outcome', outcome);
  return outcome;
};
