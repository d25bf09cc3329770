/**
 * A body each operation accepts, by operationId, for tests that walk every operation: only what
 * they vary (the caller, the path, the state) decides the answer. The login is the `owner` such
 * tests sign up first.
 */
export const VALID_BODIES: Readonly<Record<string, unknown>> = {
  CreateUser: { user: { username: 'newcomer', email: 'newcomer@example.com', password: 'password123' } },
  Login: { user: { email: 'owner@example.com', password: 'password123' } },
  UpdateCurrentUser: { user: { bio: 'updated' } },
  DeleteCurrentUser: { user: { password: 'password123' } },
  CreateArticle: { article: { title: 'Walk', description: 'd', body: 'b' } },
  UpdateArticle: { article: { body: 'edited' } },
  CreateArticleComment: { comment: { body: 'hello' } },
  LockAccount: { lock: { reason: 'spam' } },
  SetFlag: { flag: { value: 'on', reason: 'walk' } },
  CreateArticleImport: { articles: [{ title: 'Imported', description: 'd', body: 'b' }] },
};
