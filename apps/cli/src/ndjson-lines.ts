import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type ImportLine, parseItem } from '@conduit/app';

/** The input: a file, or standard input for "-". */
export const openInput = (path: string): Readable => (path === '-' ? process.stdin : createReadStream(path));

/**
 * Newline-delimited JSON, one value per non-blank line, read as it streams (constant memory): a
 * line that is not JSON becomes the reason, so the import can record it and go on.
 */
export async function* ndjsonLines(input: Readable): AsyncIterable<ImportLine> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() !== '') yield parseItem(line);
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
