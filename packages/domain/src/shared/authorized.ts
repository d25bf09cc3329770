/** The actions a policy can allow. */
export type Action =
  | 'article:publish-as'
  | 'article:edit'
  | 'article:delete'
  | 'comment:delete'
  | 'role:assign'
  | 'job:cancel'
  | 'account:lock'
  | 'session:end-all'
  | 'account:erase'
  | 'tenant:manage'
  | 'flag:change'
  | 'flag:read';

declare const proof: unique symbol;

/**
 * Proof that a policy allowed `action` on one subject (an article or comment id, or a username).
 * The mutations that need it take it as a parameter, so a use case that skips the policy does not
 * compile. Only policies make one (through `grant`, which the package index does not export);
 * outside the domain, a value of this type can only come from a policy or a deliberate cast.
 */
export type Authorized<A extends Action> = { readonly [proof]: A; readonly action: A; readonly subject: string | number };

/** For policies only. */
export const grant = <A extends Action>(action: A, subject: string | number): Authorized<A> => ({ action, subject }) as Authorized<A>;

/**
 * Mutations check that the proof is for what they change: a proof for one article does not delete
 * another. A mismatch is a defect in the use case, not a user error.
 */
export const assertAuthorized = <A extends Action>(granted: Authorized<A>, action: A, subject: string | number): void => {
  if (granted.action !== action || granted.subject !== subject) {
    throw new Error(`Authorization for ${granted.action} on ${granted.subject} used for ${action} on ${subject}`);
  }
};
