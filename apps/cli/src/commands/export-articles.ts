import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Core } from '@conduit/composition';

export type ExportArticlesOptions = { readonly author?: string; readonly tag?: string; readonly out?: string };

/** Writes a line, waiting when the destination is full: memory stays flat however many articles. */
const writeLine = async (output: Writable, line: string) => {
  if (!output.write(line)) await once(output, 'drain');
};

/**
 * `conduit export articles`: NDJSON, oldest first, one `{"article":{…},"author","createdAt"}` a
 * line, which `conduit import articles` reads back. To a file (`--out`) or standard output; the
 * count goes to standard error. Exit 0, or 1 when the output cannot be written.
 */
export const exportArticles = async (core: Core, options: ExportArticlesOptions): Promise<number> => {
  const output = options.out ? createWriteStream(options.out) : process.stdout;
  const failed = new Promise<never>((_, reject) => output.once('error', reject));
  const work = (async () => {
    let count = 0;
    const filter = { ...(options.author ? { author: options.author } : {}), ...(options.tag ? { tag: options.tag } : {}) };
    for await (const article of core.useCases.exportArticles(filter)) {
      const { title, description, body, tagList, author, createdAt } = article;
      await writeLine(output, `${JSON.stringify({ article: { title, description, body, tagList }, author, createdAt })}\n`);
      count += 1;
    }
    if (options.out) await new Promise<void>((resolve) => output.end(resolve));
    return count;
  })();
  try {
    const count = await Promise.race([work, failed]);
    process.stderr.write(`exported ${count} articles\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`cannot write ${options.out ?? 'the output'}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
};
