import { createHash } from 'node:crypto';
import type { UploadRefused } from '@conduit/domain';
import { JSONParser } from '@streamparser/json';
import { err, ok, type Result } from 'neverthrow';

/** The media types an import is sent as. */
export type ImportMediaType = 'application/x-ndjson' | 'application/json';

/** Every Content-Type the import route reads, with the form each stands for (NDJSON has three names). */
const ACCEPTED_IMPORT_TYPES: Readonly<Record<string, ImportMediaType>> = {
  'application/x-ndjson': 'application/x-ndjson',
  'application/jsonl': 'application/x-ndjson',
  'application/ndjson': 'application/x-ndjson',
  'application/json': 'application/json',
};

/** What a 415 names in `Accept-Post`: every type that would have been read. */
export const ACCEPTED_IMPORT_MEDIA_TYPES = Object.keys(ACCEPTED_IMPORT_TYPES);

/** An item larger than this is no article (the largest valid one is about 400 KB of JSON): the request is refused. */
export const MAX_ITEM_BYTES = 1 << 20;

/** `application/x-ndjson` (or `application/jsonl`, its other name) or JSON; null for anything else. */
export const importMediaType = (contentType: string | undefined): ImportMediaType | null => {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(ACCEPTED_IMPORT_TYPES, essence) ? (ACCEPTED_IMPORT_TYPES[essence] ?? null) : null;
};

/** An item's JSON text, or why the body stopped making sense (the last thing read). */
export type ImportItem = Result<string, UploadRefused>;

export type ImportBody = {
  /** Each item's JSON text, `{"article": {…}}`, read as the body streams in; an error ends it. */
  readonly items: AsyncIterable<ImportItem>;
  /** SHA-256 of the media type and the body's bytes; complete once `items` is consumed. */
  readonly fingerprint: () => string;
};

const itemTooLarge = (item: number): ImportItem => err({ type: 'UploadItemTooLarge', item, limitBytes: MAX_ITEM_BYTES });
const malformed: ImportItem = err({ type: 'UploadMalformed' });

/** One article per line; blank lines are skipped. A line is kept as sent: the job checks it. */
async function* ndjsonItems(chunks: AsyncIterable<Uint8Array>): AsyncIterable<ImportItem> {
  const decoder = new TextDecoder();
  let pending = '';
  let count = 0;
  const item = (line: string) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    return text.trim() === '' ? null : text;
  };
  for await (const chunk of chunks) {
    // Only the new text can hold the next newline: a long line is not searched again per chunk.
    const searchFrom = pending.length;
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n', searchFrom);
    while (newline !== -1) {
      const text = item(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (text !== null) {
        count += 1;
        if (text.length > MAX_ITEM_BYTES) return yield itemTooLarge(count);
        yield ok(text);
      }
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_ITEM_BYTES) return yield itemTooLarge(count + 1);
  }
  const last = item(pending + decoder.decode());
  if (last !== null) {
    count += 1;
    yield last.length > MAX_ITEM_BYTES ? itemTooLarge(count) : ok(last);
  }
}

/**
 * `{"articles": [{…}, …]}`, parsed as it streams: each element is handed on as soon as it is
 * complete, and only it is held. Elements are articles (`{"title", …}`), or already
 * `{"article": {…}}` as in NDJSON.
 */
async function* jsonItems(chunks: AsyncIterable<Uint8Array>): AsyncIterable<ImportItem> {
  const parser = new JSONParser({ paths: ['$.articles.*'], keepStack: false });
  const ready: string[] = [];
  const seen = { notAList: false };
  let count = 0;
  let sinceLast = 0;
  let failure: unknown;
  parser.onError = (error) => {
    failure ??= error;
  };
  parser.onValue = ({ value, parent }) => {
    if (!Array.isArray(parent)) {
      seen.notAList = true;
      return;
    }
    count += 1;
    sinceLast = 0;
    const wrapped = typeof value === 'object' && value !== null && !Array.isArray(value) && 'article' in value;
    ready.push(JSON.stringify(wrapped ? value : { article: value }));
  };
  const written = (chunk: Uint8Array): boolean => {
    try {
      parser.write(chunk);
    } catch {
      return false;
    }
    return failure === undefined;
  };
  for await (const chunk of chunks) {
    if (!written(chunk)) return yield malformed;
    sinceLast += chunk.length;
    if (sinceLast > 2 * MAX_ITEM_BYTES) return yield itemTooLarge(count + 1);
    yield* ready.splice(0).map((item) => ok(item));
  }
  // The parser ends by itself after the top-level value; ending it again would be an error.
  try {
    if (!parser.isEnded) parser.end();
  } catch {
    return yield malformed;
  }
  if (failure !== undefined) return yield malformed;
  yield* ready.splice(0).map((item) => ok(item));
  if (seen.notAList) yield err({ type: 'UploadInvalid', errors: { articles: ['must be a list of articles'] } });
}

/** Feeds the hash as the bytes go by. */
async function* hashed(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

/** The items of an import body, in either media type, read once as it streams (never held whole). */
export const importBody = (body: AsyncIterable<Uint8Array>, mediaType: ImportMediaType): ImportBody => {
  const hash = createHash('sha256').update(`${mediaType}\n`);
  let digest: string | undefined;
  const chunks = hashed(body, hash);
  const items = mediaType === 'application/json' ? jsonItems(chunks) : ndjsonItems(chunks);
  return {
    items,
    fingerprint: () => {
      digest ??= hash.digest('hex');
      return digest;
    },
  };
};
