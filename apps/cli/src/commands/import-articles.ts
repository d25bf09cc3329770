import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Core } from '@conduit/composition';
import { systemActor } from '@conduit/domain';
import { countLines, ndjsonLines, openInput } from '../ndjson-lines.js';
import { progressReport } from '../progress-report.js';

export type ImportArticlesOptions = {
  readonly as?: string;
  readonly operator: string;
  readonly errors?: string;
  readonly itemAuthors?: boolean;
};

const NAMED_AUTHORS = 10;

/** `by alice (3), bob (2)`: the authors with the most articles first, the rest counted. */
const byAuthors = (writtenBy: ReadonlyMap<string, number>): string => {
  const authors = [...writtenBy].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (authors.length === 0) return 'by no author';
  const named = authors.slice(0, NAMED_AUTHORS).map(([username, count]) => `${username} (${count})`);
  const rest = authors.length - named.length;
  return `by ${named.join(', ')}${rest > 0 ? ` and ${rest} more authors` : ''}`;
};

/**
 * `conduit import articles FILE --as USERNAME`: NDJSON, one `{"article":{…}}` a line, through the
 * import use case. Exit 0 when every item was imported; 1 when any failed (each refused item is a
 * line of the errors file) or the import could not run.
 */
export const importArticles = async (core: Pick<Core, 'useCases'>, file: string, options: ImportArticlesOptions): Promise<number> => {
  const { as } = options;
  if (as === undefined && !options.itemAuthors) {
    process.stderr.write('say whose articles they become: --as <username>, or --item-authors when every item names its "author"\n');
    return 1;
  }
  if (
    file !== '-' &&
    !(await stat(file).then(
      (entry) => entry.isFile(),
      () => false,
    ))
  ) {
    process.stderr.write(`cannot read ${file}: no such file\n`);
    return 1;
  }
  const total = file === '-' ? undefined : await countLines(file);
  const errorsPath = options.errors ?? (file === '-' ? 'import-errors.ndjson' : `${file}.errors.ndjson`);
  let errorsFile: ReturnType<typeof createWriteStream> | undefined;
  const report = progressReport('importing', total);
  const outcome = await core.useCases.importArticles(
    { actor: systemActor(options.operator) },
    {
      ...(as === undefined ? { itemAuthors: true as const } : { as, itemAuthors: options.itemAuthors === true }),
      lines: ndjsonLines(openInput(file)),
      onProgress: ({ processed, failed }) => report.update({ done: processed, detail: failed > 0 ? `${failed} failed` : '' }),
      onRefused: (refused) => {
        errorsFile ??= createWriteStream(errorsPath);
        for (const item of refused) errorsFile.write(`${JSON.stringify(item)}\n`);
      },
    },
  );
  report.stop();
  await new Promise<void>((resolve) => (errorsFile ? errorsFile.end(resolve) : resolve()));
  if (outcome.isErr()) {
    const error = outcome.error;
    process.stderr.write(
      error.type === 'ProfileNotFound' ? `no user named "${error.username}"\n` : `may not publish as "${error.username}"\n`,
    );
    return 1;
  }
  const { processed, succeeded, failed, writtenBy } = outcome.value;
  process.stdout.write(`imported ${succeeded} of ${processed} articles ${options.itemAuthors ? byAuthors(writtenBy) : `as ${as}`}`);
  process.stdout.write(failed > 0 ? `; ${failed} failed (see ${errorsPath})\n` : '\n');
  return failed > 0 ? 1 : 0;
};
