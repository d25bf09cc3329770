import { type Action, type Authorized, grant } from '../shared/authorized.js';

/** A policy's proof, for tests of adapters and mutations that are not about the policy itself. */
export const authorizedForTest = <A extends Action>(action: A, subject: string | number): Authorized<A> => grant(action, subject);
