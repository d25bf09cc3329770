import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { err, ok, type Result } from 'neverthrow';

/** The input: a file, or standard input for "-". */
export const openInput = (path: string): Readable => (path === '-' ? process.stdin : createReadStream(path));

/**
 * Newline-delimited JSON, one value per non-blank line, read as it streams (constant memory): a
 * line that is not JSON becomes the reason, so the import can record it and go on.
 */
export async function* ndjsonLines(input: Readable): AsyncIterable<Result<unknown, string>> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '') continue;
    try {
      yield ok(JSON.parse(line) as unknown);
    } catch {
      yield err('is not valid JSON');
    }
  }
}

/** How many values a file holds (non-blank lines), for a progress bar's total; one streaming pass. */
export const countLines = async (path: string): Promise<number> => {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() !== '') count += 1;
  }
  return count;
};
