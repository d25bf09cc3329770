import { describe, expect, it } from 'vitest';
import { editArticle, newArticle } from '../articles/article.js';
import { canEditArticle } from '../articles/article.policy.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { Job } from '../jobs/job.js';
import type { JobRepository } from '../jobs/job-repository.js';
import { requestJobCancel } from '../jobs/job-transitions.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import { authorizedForTest } from '../testing/authorized.js';
import { aNewArticle, anArticleDraft, articleChanges } from '../testing/builders.js';
import { profileOf, type User } from '../users/user.js';
import type { UserRepository } from '../users/user-repository.js';
import { userActor } from './actor.js';
import { articleId, userId } from './ids.js';

const now = new Date('2026-01-01T00:00:00Z');
const article = {
  ...aNewArticle(anArticleDraft({ title: 'T', description: 'd', body: 'b', tagList: [] }), userId(1), now),
  id: articleId(7),
};

describe('authorization the compiler checks', () => {
  it('a mutation needs the proof its policy gives, for that very subject', () => {
    const allowed = canEditArticle(userActor(userId(1), 'user'), article)._unsafeUnwrap();
    expect(editArticle(article, articleChanges({ body: 'new' }), now, allowed).body).toBe('new');
    // Publishing as someone else takes a proof for that very author.
    expect(() => newArticle(anArticleDraft(), userId(1), now, authorizedForTest('article:publish-as', 2))).toThrow(
      /article:publish-as on 2/,
    );
    // A proof for another article is a defect in the use case, caught at once.
    expect(() => editArticle(article, articleChanges({ body: 'x' }), now, authorizedForTest('article:edit', 8))).toThrow(
      /article:edit on 8/,
    );
  });

  // Checked by the typecheck step of `pnpm test` (these lines never run): each `@ts-expect-error`
  // fails the build if the line under it compiles, so a write that stops needing its proof, or a
  // use case that calls one without its policy, breaks the build.
  const typeChecksOnly = (
    articles: ArticleRepository,
    users: UserRepository,
    sessions: SessionRepository,
    user: User,
    jobs: JobRepository,
    job: Job,
  ) => {
    // @ts-expect-error a use case that skips the policy has no proof to pass
    editArticle(article, articleChanges({ body: 'x' }), now);
    // @ts-expect-error a delete proof does not allow an edit
    editArticle(article, articleChanges({ body: 'x' }), now, authorizedForTest('article:delete', article.id));
    // @ts-expect-error the repository will not save an edit without the edit policy's proof
    void articles.update(article);
    // @ts-expect-error nor with the proof of another action
    void articles.update(article, authorizedForTest('article:delete', article.id));
    // @ts-expect-error the repository will not remove an article without the delete policy's proof
    void articles.remove(article.id);
    // @ts-expect-error a made-up object is not a proof
    void articles.remove(article.id, { action: 'article:delete', subject: article.id });
    // @ts-expect-error a role is saved only with the role policy's proof
    void users.saveRole({ ...user, role: 'admin' });
    // @ts-expect-error nor with an article's proof
    void users.saveRole({ ...user, role: 'admin' }, authorizedForTest('article:edit', article.id));
    // @ts-expect-error there is no other way to write a role: a profile update cannot carry one
    void users.updateProfile({ ...profileOf(user), role: 'admin' });
    // @ts-expect-error nor a whole user, role and lock included
    void users.updateProfile(user);
    // @ts-expect-error another user's sessions end only with the account policy's proof
    void sessions.endAll(user);
    // @ts-expect-error nor with the proof of another action
    void sessions.endAll(user, authorizedForTest('role:assign', user.username));
    // @ts-expect-error a job is canceled only with the cancel policy's proof
    void requestJobCancel(job, now);
    // @ts-expect-error nor with the proof of another action
    void requestJobCancel(job, now, authorizedForTest('role:assign', job.id));
    // @ts-expect-error a job is saved only as a change a transition made: a hand-made one does not compile
    void jobs.save({ from: job, to: { ...job, status: 'canceled' } });
    // @ts-expect-error a new article needs the publish-as policy's proof for its author
    void newArticle(anArticleDraft(), userId(1), now);
    // @ts-expect-error a use case takes only a draft the domain's rules made, never unchecked fields
    void newArticle({ title: '   ', description: '', body: 'b', tagList: [] }, userId(1), now, authorizedForTest('article:publish-as', 1));
    // @ts-expect-error nor unchecked changes
    void editArticle(article, { title: '' }, now, authorizedForTest('article:edit', article.id));
  };
  void typeChecksOnly;
});
