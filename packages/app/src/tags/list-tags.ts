import { ResultAsync } from 'neverthrow';
import type { AppDeps } from '../deps.js';

export const makeListTags = (deps: Pick<AppDeps, 'queries'>) => (): ResultAsync<string[], never> =>
  ResultAsync.fromSafePromise(deps.queries.tags.all());
