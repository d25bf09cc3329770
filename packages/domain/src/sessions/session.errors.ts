/** The caller has no session with this id (or it is another user's: the answer is the same). */
export type SessionNotFound = { readonly type: 'SessionNotFound' };
