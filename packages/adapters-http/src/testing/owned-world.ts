import { systemActor } from '@conduit/domain';
import type { HttpTestHarness } from './http-test-harness.js';
import { VALID_BODIES } from './valid-bodies.js';
import type { ToolTargets } from './valid-tool-arguments.js';

/** What an authorization walk acts on: an owner's article, comment, job and session, and the other callers' tokens. */
export type OwnedWorld = ToolTargets & {
  readonly owner: string;
  readonly other: string;
  readonly admin: string;
  readonly sessionId: string;
  /** The owner's account export, run to its end. */
  readonly exportJobId: string;
};

/** Signs up an owner, another user, an admin and a target user; the owner writes an article, a comment and an import. */
export const anOwnedWorld = async (http: HttpTestHarness): Promise<OwnedWorld> => {
  const owner = await http.register('owner');
  const other = await http.register('other');
  const admin = await http.register('admin');
  await http.register('target');
  (await http.memory.useCases.setUserRole({ actor: systemActor('test') }, { username: 'admin', role: 'admin' }))._unsafeUnwrap();
  const { slug } = await http.createArticle(owner);
  const comment = await http.call('POST', `/api/articles/${slug}/comments`, { token: owner, body: { comment: { body: 'c' } } });
  const job = await http.call('POST', '/api/articles/imports', { token: owner, body: VALID_BODIES.CreateArticleImport });
  const sessions = await http.call('GET', '/api/user/sessions', { token: owner });
  const exported = await http.call('POST', '/api/user/export', { token: owner });
  await http.memory.useCases.runJob(exported.body.job.id);
  return {
    owner,
    other,
    admin,
    slug,
    id: comment.body.comment.id,
    username: 'target',
    jobId: job.body.job.id,
    sessionId: sessions.body.sessions[0].id,
    exportJobId: exported.body.job.id,
  };
};
