import {
  endCanceledJob,
  failJob,
  isFinished,
  JOB_RESULT_LIFETIME_MS,
  type Job,
  type JobChange,
  type JobId,
  recordBatch,
  startJob,
  succeedJob,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import { makeExportArticles } from '../articles/export-articles.js';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { advanceJob } from './advance-job.js';
import type { RunOutcome } from './run-article-import.js';

/** The document an export produces: what the user made, in the shapes a person can read back. */
export type AccountExportDocument = {
  readonly exportedAt: string;
  readonly user: { readonly username: string; readonly email: string; readonly bio: string | null; readonly image: string | null };
  readonly articles: readonly {
    readonly title: string;
    readonly description: string;
    readonly body: string;
    readonly tagList: readonly string[];
    readonly createdAt: string;
  }[];
  readonly comments: readonly { readonly id: number; readonly article: string; readonly body: string; readonly createdAt: string }[];
  readonly favorites: readonly string[];
  readonly following: readonly string[];
};

/**
 * Gathers everything the job's owner made (profile, articles, comments, favorites, follows) and
 * keeps it as the job's result for its owner to download; the result and the job's end commit
 * together. Its articles are read a page at a time (as `conduit export articles` does).
 */
export const makeRunAccountExport = (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'queries' | 'clock'>) => {
  const exportArticles = makeExportArticles(deps);
  return async (id: JobId): Promise<RunOutcome> => {
    const now = () => deps.clock.now();
    /** Ends the job now, unless it has ended already (by whoever): finished either way. */
    const end = async (transition: (job: Job) => Result<JobChange, unknown>): Promise<RunOutcome> =>
      (await advanceJob(deps.unitOfWork, id, transition)).match(
        () => 'finished',
        () => 'finished',
      );
    const started = await advanceJob(deps.unitOfWork, id, (job) => startJob(job, now()));
    if (started.isErr() || isFinished(started.value)) return 'finished';
    const job = started.value;
    const owner = await deps.repositories.users.findById(job.ownerId);
    if (owner === null) return end((current) => failJob(current, now()));
    const articles: AccountExportDocument['articles'][number][] = [];
    for await (const article of exportArticles({ author: owner.username })) {
      const { title, description, body, tagList, createdAt } = article;
      articles.push({ title, description, body, tagList, createdAt: createdAt.toISOString() });
    }
    const activity = await deps.queries.accounts.activityOf(owner.id);
    const exportedAt = now();
    const document: AccountExportDocument = {
      exportedAt: exportedAt.toISOString(),
      user: { username: owner.username, email: owner.email, bio: owner.bio, image: owner.image },
      articles,
      comments: activity.comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
      favorites: activity.favorites,
      following: activity.following,
    };
    const ended = await deps.unitOfWork.run((repositories) =>
      asyncResult(async () => {
        // Each saved over the state the run left it in: a cancel meanwhile wins, and no result is kept.
        const recorded = recordBatch(job, { items: 1, written: 1, refused: [] });
        if (recorded.isErr() || !(await repositories.jobs.save(recorded.value))) return err('moved' as const);
        const done = succeedJob(recorded.value.to, now());
        if (done.isErr() || !(await repositories.jobs.save(done.value))) return err('moved' as const);
        await repositories.jobResults.save(id, JSON.stringify(document), new Date(exportedAt.getTime() + JOB_RESULT_LIFETIME_MS));
        return ok(undefined);
      }),
    );
    if (ended.isOk()) return 'finished';
    // The job moved under this run: a cancel was asked (honoured here), or it ended some other way.
    const current = await deps.repositories.jobs.findById(id);
    return current?.cancelRequested && !isFinished(current) ? end((moved) => endCanceledJob(moved, now())) : 'finished';
  };
};
