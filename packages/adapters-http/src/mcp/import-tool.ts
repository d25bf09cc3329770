import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { ok } from 'neverthrow';
import { presentSingleJob } from '../presenters/job.presenter.js';
import { idempotencyKeyHeader } from '../schemas/idempotency.schemas.js';
import { SingleJobResponse } from '../schemas/job.schemas.js';
import { answer, writeTool } from './mcp-tool.js';

/** One call's worth: larger imports go over HTTP as a stream (POST /api/articles/imports). */
export const MAX_IMPORT_ITEMS_PER_CALL = 1000;

/** Checked when the job runs, item by item, as the HTTP import's items are. */
const importedArticle = z
  .looseObject({})
  .describe("As create_article's `article`: title, description, body, tagList; and `author`, an existing username (admins only).");

/** The HTTP import's JSON body, `{"articles": [...]}`, with the key in an argument rather than a header. */
const ImportArguments = z.object({
  articles: z
    .array(importedArticle, { error: 'must be a list of articles' })
    .min(1, "can't be blank")
    .max(MAX_IMPORT_ITEMS_PER_CALL, `has too many items (maximum is ${MAX_IMPORT_ITEMS_PER_CALL})`),
  idempotencyKey: idempotencyKeyHeader(
    'Makes the call safe to repeat: the same key with the same items within 24 hours gives back the job it created.',
  ),
});

/**
 * Written by hand: the HTTP import streams its body (NDJSON or a JSON array, read as it arrives),
 * which no declared body describes; the tool takes one call's worth as a list.
 */
export const importTool = writeTool({
  name: 'start_article_import',
  title: 'Import articles (a job)',
  description: `Starts a job that publishes many articles by the caller: \`articles\`, 1 to ${MAX_IMPORT_ITEMS_PER_CALL}. Answers at once with the queued job; read its progress with get_job. Each item is checked when the job runs, as create_article checks it: an invalid one is listed in the job's errors and the job goes on. Takes an optional \`idempotencyKey\`: the same key with the same items within 24 hours gives back the job it created.`,
  input: ImportArguments,
  output: SingleJobResponse,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  run: async (useCases, ctx, { articles, idempotencyKey }) => {
    // As the JSON import: an element is an article, or already `{"article": {…}}` as in NDJSON.
    const texts = articles.map((article) => JSON.stringify('article' in article ? article : { article }));
    const result = await useCases.submitArticleImport(ctx, {
      items: (async function* () {
        for (const text of texts) yield ok(text);
      })(),
      ...(idempotencyKey === undefined
        ? {}
        : {
            idempotency: {
              key: idempotencyKey,
              fingerprint: () =>
                createHash('sha256')
                  .update(`mcp\n${texts.join('\n')}`)
                  .digest('hex'),
            },
          }),
    });
    return answer(result, ({ job }) => presentSingleJob(job));
  },
});
