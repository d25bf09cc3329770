import type { AppError } from '@conduit/app';
import type { Context } from 'hono';
import { problemForAppError } from './app-error-problem.js';
import { problemResponse } from './problem.js';

export const appProblem = (c: Context, error: AppError) => problemResponse(c, problemForAppError(error));
