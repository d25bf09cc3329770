/** An operation of the OpenAPI document as an authorization walk reads it. */
export type DocumentedOperation = { operationId: string; 'x-auth-mode': 'none' | 'optional' | 'required' };

export type MatrixCaller = 'anonymous' | 'invalid token' | 'another user' | 'owner' | 'admin' | 'owner elsewhere' | 'admin elsewhere';

/**
 * Who may act on a resource beyond being signed in: `owner` operations change something that
 * belongs to someone (their article, their comment), so another user gets 403; `hidden` resources
 * (a job) do not exist for anyone but their owner and admins, so another user gets 404; `self`
 * resources (a session) do not exist for anyone but their owner, admins included; `admin`
 * operations are refused (403) to everyone but admins; `any` operations are open to every
 * signed-in user. Every operation in the document must be listed here.
 */
export const OWNERSHIP: Readonly<Record<string, 'owner' | 'hidden' | 'self' | 'admin' | 'any'>> = {
  CreateUser: 'any',
  Login: 'any',
  GetCurrentUser: 'any',
  UpdateCurrentUser: 'any',
  DeleteCurrentUser: 'any',
  GetProfileByUsername: 'any',
  FollowUserByUsername: 'any',
  UnfollowUserByUsername: 'any',
  GetArticles: 'any',
  GetArticlesFeed: 'any',
  GetArticle: 'any',
  CreateArticle: 'any',
  UpdateArticle: 'owner',
  DeleteArticle: 'owner',
  CreateArticleFavorite: 'any',
  DeleteArticleFavorite: 'any',
  GetArticleComments: 'any',
  CreateArticleComment: 'any',
  DeleteArticleComment: 'owner',
  GetTags: 'any',
  CreateArticleImport: 'any',
  GetJobs: 'any',
  GetJob: 'hidden',
  CancelJob: 'hidden',
  GetSessions: 'any',
  DeleteSession: 'self',
  Logout: 'any',
  LockAccount: 'admin',
  UnlockAccount: 'admin',
  DeleteUserSessions: 'admin',
  ListFlags: 'admin',
  ListFlagChanges: 'admin',
  SetFlag: 'admin',
  UnsetFlag: 'admin',
  CreateAccountExport: 'any',
  GetJobResult: 'self',
};

/** The callers of one publication. */
export const MATRIX_CALLERS: readonly MatrixCaller[] = ['anonymous', 'invalid token', 'another user', 'owner', 'admin'];
/** Users of the same names, the admin included, signed in at another publication: nobody here. */
export const ELSEWHERE_CALLERS: readonly MatrixCaller[] = ['owner elsewhere', 'admin elsewhere'];

/** What `caller` gets from `operation`: a 2xx, or the refusal's status. */
export const expectedOutcome = (operation: DocumentedOperation, caller: MatrixCaller): 'success' | 401 | 403 | 404 => {
  if (caller === 'owner elsewhere' || caller === 'admin elsewhere') return expectedOutcome(operation, 'invalid token');
  const mode = operation['x-auth-mode'];
  if (mode !== 'required') return 'success';
  if (caller === 'anonymous' || caller === 'invalid token') return 401;
  const ownership = OWNERSHIP[operation.operationId];
  if (caller === 'another user' && ownership === 'owner') return 403;
  if (caller === 'another user' && ownership === 'hidden') return 404;
  if (caller !== 'owner' && ownership === 'self') return 404;
  if (caller !== 'admin' && ownership === 'admin') return 403;
  return 'success';
};

/** Every operation under /api/ of `document`, with its method and path template. */
export const documentedOperations = (document: { paths: unknown }) =>
  Object.entries(document.paths as Record<string, Record<string, DocumentedOperation>>)
    .filter(([path]) => path.startsWith('/api/') && !path.endsWith('openapi.json'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
