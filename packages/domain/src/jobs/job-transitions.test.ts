import { describe, expect, it } from 'vitest';
import { userId } from '../shared/ids.js';
import { authorizedForTest } from '../testing/authorized.js';
import { type Job, type JobStatus, jobId } from './job.js';
import { endCanceledJob, failJob, handBackJob, recordBatch, requestJobCancel, startJob, succeedJob } from './job-transitions.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-01T00:01:00Z');
const id = jobId('00000000-0000-4000-8000-000000000001');
const job = (status: JobStatus, overrides: Partial<Job> = {}): Job => ({
  id,
  type: 'article-import',
  ownerId: userId(1),
  status,
  total: 3,
  processed: 0,
  succeeded: 0,
  failed: 0,
  errors: [],
  cancelRequested: false,
  createdAt: t0,
  startedAt: status === 'queued' ? null : t0,
  finishedAt: status === 'queued' || status === 'running' ? null : t0,
  ...overrides,
});
const cancelProof = authorizedForTest('job:cancel', id);
const batch = { items: 2, written: 1, refused: [{ item: 2, errors: { title: ["can't be blank"] } }] };

/** What each transition allows from each state, as the status it leads to ('refused' when it does not apply). */
const table: Record<string, (from: Job) => Job | 'refused'> = {
  start: (from) =>
    startJob(from, t1).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  'hand back': (from) =>
    handBackJob(from).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  'record batch': (from) =>
    recordBatch(from, batch).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  'request cancel': (from) =>
    requestJobCancel(from, t1, cancelProof).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  'end canceled': (from) =>
    endCanceledJob(from, t1).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  succeed: (from) =>
    succeedJob(from, t1).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
  fail: (from) =>
    failJob(from, t1).match(
      (change) => change.to,
      () => 'refused' as const,
    ),
};

const statusAfter = (transition: string, from: Job): string => {
  const to = table[transition]?.(from);
  return to === 'refused' || to === undefined ? 'refused' : to.status;
};

describe('the job state machine', () => {
  it.each([
    // transition,       queued,     running,     running + cancel asked, succeeded, failed,   canceled
    ['start', 'running', 'running', 'running', 'refused', 'refused', 'refused'],
    ['hand back', 'refused', 'queued', 'queued', 'refused', 'refused', 'refused'],
    ['record batch', 'refused', 'running', 'refused', 'refused', 'refused', 'refused'],
    ['request cancel', 'canceled', 'running', 'running', 'refused', 'refused', 'canceled'],
    ['end canceled', 'refused', 'refused', 'canceled', 'refused', 'refused', 'refused'],
    ['succeed', 'refused', 'succeeded', 'refused', 'refused', 'refused', 'refused'],
    ['fail', 'failed', 'failed', 'failed', 'refused', 'refused', 'refused'],
  ])('%s: from queued → %s, running → %s, running with a cancel asked → %s, ended → %s / %s / %s', (transition, ...expected) => {
    const froms = [
      job('queued'),
      job('running'),
      job('running', { cancelRequested: true }),
      job('succeeded'),
      job('failed'),
      job('canceled', { cancelRequested: true }),
    ];
    expect(froms.map((from) => statusAfter(transition, from))).toEqual(expected);
  });

  it('keeps a job’s first start, counts batches exactly and bounds the kept errors', () => {
    expect(startJob(job('queued'), t1)._unsafeUnwrap().to.startedAt).toEqual(t1);
    expect(startJob(job('running'), t1)._unsafeUnwrap().to.startedAt).toEqual(t0);
    const after = recordBatch(job('running'), batch)._unsafeUnwrap();
    expect(after.from).toEqual(job('running'));
    expect(after.to).toMatchObject({ processed: 2, succeeded: 1, failed: 1, errors: batch.refused });
    const full = job('running', { errors: Array.from({ length: 1_000 }, (_, item) => ({ item, errors: {} })) });
    expect(recordBatch(full, batch)._unsafeUnwrap().to).toMatchObject({ failed: 1, errors: full.errors });
  });

  it('ends a job with the time it ended, and a queued job canceled at once', () => {
    expect(requestJobCancel(job('queued'), t1, cancelProof)._unsafeUnwrap().to).toMatchObject({
      status: 'canceled',
      cancelRequested: true,
      finishedAt: t1,
    });
    expect(succeedJob(job('running'), t1)._unsafeUnwrap().to.finishedAt).toEqual(t1);
    // Canceling a canceled job changes nothing; one that ended otherwise is refused, saying how it ended.
    const canceled = job('canceled', { cancelRequested: true });
    expect(requestJobCancel(canceled, t1, cancelProof)._unsafeUnwrap().to).toBe(canceled);
    expect(requestJobCancel(job('succeeded'), t1, cancelProof)._unsafeUnwrapErr()).toEqual({
      type: 'JobAlreadyFinished',
      id,
      status: 'succeeded',
    });
  });

  it('takes a cancel proof only for this job', () => {
    expect(() => requestJobCancel(job('queued'), t1, authorizedForTest('job:cancel', 'another'))).toThrow(/job:cancel on another/);
  });
});
