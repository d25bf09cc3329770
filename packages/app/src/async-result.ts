import { type Result, ResultAsync } from 'neverthrow';

/**
 * An async block that decides its outcome in one place, as a ResultAsync. `safeTry` is for blocks
 * that chain other results with `yield*`; a block with nothing to chain reads better as this.
 */
export const asyncResult = <T, E>(block: () => Promise<Result<T, E>>): ResultAsync<T, E> => new ResultAsync(block());
