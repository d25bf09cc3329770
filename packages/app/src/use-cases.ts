import { makeCreateArticle } from './articles/create-article.js';
import { makeDeleteArticle } from './articles/delete-article.js';
import { makeExportArticles } from './articles/export-articles.js';
import { makeFavoriteArticle, makeUnfavoriteArticle } from './articles/favorite-article.js';
import { makeFeedArticles } from './articles/feed-articles.js';
import { makeGetArticle } from './articles/get-article.js';
import { makeImportArticles } from './articles/import-articles.js';
import { makeListArticles } from './articles/list-articles.js';
import { makeUpdateArticle } from './articles/update-article.js';
import { makeAddComment } from './comments/add-comment.js';
import { makeDeleteComment } from './comments/delete-comment.js';
import { makeListComments } from './comments/list-comments.js';
import type { AppDeps } from './deps.js';
import { makeChangeFlag, makeFlagHistory, makeListFlags } from './flags/flag-use-cases.js';
import { makeCancelJob } from './jobs/cancel-job.js';
import { makeCountJobs } from './jobs/count-jobs.js';
import { makeFailJob } from './jobs/fail-job.js';
import { makeForgetIdempotencyKeys } from './jobs/forget-idempotency-keys.js';
import { makeForgetJobResults } from './jobs/forget-job-results.js';
import { makeGetJob } from './jobs/get-job.js';
import { makeGetJobResult } from './jobs/get-job-result.js';
import { makeListJobs } from './jobs/list-jobs.js';
import { makeRunArticleImport } from './jobs/run-article-import.js';
import { makeRunJob } from './jobs/run-job.js';
import { makeSubmitAccountExport } from './jobs/submit-account-export.js';
import { makeSubmitArticleImport } from './jobs/submit-article-import.js';
import { makeSweepUploads } from './jobs/sweep-uploads.js';
import { makeFollowUser } from './profiles/follow-user.js';
import { makeGetProfile } from './profiles/get-profile.js';
import { makeUnfollowUser } from './profiles/unfollow-user.js';
import { makeEndSession } from './sessions/end-session.js';
import { makeForgetExpiredSessions } from './sessions/forget-expired-sessions.js';
import { makeListSessions } from './sessions/list-sessions.js';
import { makeLogOut } from './sessions/log-out.js';
import { makeListTags } from './tags/list-tags.js';
import { makeAddTenant, makeListTenants, makeRemoveTenant } from './tenants/manage-tenants.js';
import { makeEndUserSessions } from './users/end-user-sessions.js';
import { makeEraseAccount } from './users/erase-account.js';
import { makeGetCurrentUser } from './users/get-current-user.js';
import { makeSetAccountLock } from './users/lock-account.js';
import { makeLoginUser } from './users/login-user.js';
import { makeRegisterUser } from './users/register-user.js';
import { makeResolveActor } from './users/resolve-actor.js';
import { makeSetUserRole } from './users/set-user-role.js';
import { makeUpdateUser } from './users/update-user.js';

/** Every use case, wired to the given ports. Drivers (HTTP, CLI, tests) call these and nothing else. */
export const makeUseCases = (deps: AppDeps) => ({
  resolveActor: makeResolveActor(deps),
  registerUser: makeRegisterUser(deps),
  loginUser: makeLoginUser(deps),
  getCurrentUser: makeGetCurrentUser(deps),
  updateUser: makeUpdateUser(deps),
  setUserRole: makeSetUserRole(deps),
  listSessions: makeListSessions(deps),
  endSession: makeEndSession(deps),
  logOut: makeLogOut(deps),
  endUserSessions: makeEndUserSessions(deps),
  setAccountLock: makeSetAccountLock(deps),
  eraseAccount: makeEraseAccount(deps),
  forgetExpiredSessions: makeForgetExpiredSessions(deps),
  getProfile: makeGetProfile(deps),
  followUser: makeFollowUser(deps),
  unfollowUser: makeUnfollowUser(deps),
  listArticles: makeListArticles(deps),
  feedArticles: makeFeedArticles(deps),
  getArticle: makeGetArticle(deps),
  createArticle: makeCreateArticle(deps),
  importArticles: makeImportArticles(deps),
  exportArticles: makeExportArticles(deps),
  updateArticle: makeUpdateArticle(deps),
  deleteArticle: makeDeleteArticle(deps),
  favoriteArticle: makeFavoriteArticle(deps),
  unfavoriteArticle: makeUnfavoriteArticle(deps),
  listComments: makeListComments(deps),
  addComment: makeAddComment(deps),
  deleteComment: makeDeleteComment(deps),
  listTags: makeListTags(deps),
  submitArticleImport: makeSubmitArticleImport(deps),
  runArticleImport: makeRunArticleImport(deps),
  submitAccountExport: makeSubmitAccountExport(deps),
  runJob: makeRunJob(deps),
  getJobResult: makeGetJobResult(deps),
  forgetJobResults: makeForgetJobResults(deps),
  getJob: makeGetJob(deps),
  listJobs: makeListJobs(deps),
  cancelJob: makeCancelJob(deps),
  failJob: makeFailJob(deps),
  countJobs: makeCountJobs(deps),
  sweepUploads: makeSweepUploads(deps),
  forgetIdempotencyKeys: makeForgetIdempotencyKeys(deps),
  addTenant: makeAddTenant(deps),
  listTenants: makeListTenants(deps),
  removeTenant: makeRemoveTenant(deps),
  listFlags: makeListFlags(deps),
  changeFlag: makeChangeFlag(deps),
  flagHistory: makeFlagHistory(deps),
});

export type UseCases = ReturnType<typeof makeUseCases>;
