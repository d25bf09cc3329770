import { timeout } from 'hono/timeout';
import { edgeProblems } from '../problems/edge-problems.js';
import { ProblemException } from '../problems/problem-exception.js';

/**
 * Every request answers within its budget: at the deadline the client gets a 503 problem, while
 * the database's own statement timeout bounds the work still running behind it.
 */
export const deadline = (budgetMs: number) => timeout(budgetMs, () => new ProblemException(edgeProblems.deadlineExceeded(budgetMs)));
