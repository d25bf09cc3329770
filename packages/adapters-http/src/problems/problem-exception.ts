import { HTTPException } from 'hono/http-exception';
import type { ProblemSpec } from './problem.js';

/**
 * For middleware that must abort a request from outside the handler (the deadline): carries the
 * problem to answer with, rendered by the app's error handler.
 */
export class ProblemException extends HTTPException {
  constructor(readonly spec: ProblemSpec) {
    super(spec.status, { message: spec.title });
  }
}
