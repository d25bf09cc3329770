import { createHash } from 'node:crypto';
import { JSONParser } from '@streamparser/json';
import { edgeProblems } from '../problems/edge-problems.js';
import { ProblemException } from '../problems/problem-exception.js';

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

export type ImportBody = {
  /** Each item's JSON text, `{"article": {…}}`, read as the body streams in. */
  readonly items: AsyncIterable<string>;
  /** SHA-256 of the media type and the body's bytes; complete once `items` is consumed. */
  readonly fingerprint: () => string;
};

const itemTooLarge = (item: number) =>
  new ProblemException({
    ...edgeProblems.payloadTooLarge(MAX_ITEM_BYTES),
    detail: `Item ${item} is larger than ${MAX_ITEM_BYTES} bytes; no article is that large. Is each item on a line of its own?`,
    errors: { [`item ${item}`]: [`is larger than ${MAX_ITEM_BYTES} bytes`] },
  });

const noItems = () => new ProblemException(edgeProblems.validationFailed({ articles: ["can't be blank"] }));

/** One article per line; blank lines are skipped. A line is kept as sent: the job checks it. */
async function* ndjsonItems(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
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
        if (text.length > MAX_ITEM_BYTES) throw itemTooLarge(count);
        yield text;
      }
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_ITEM_BYTES) throw itemTooLarge(count + 1);
  }
  const last = item(pending + decoder.decode());
  if (last !== null) {
    count += 1;
    if (last.length > MAX_ITEM_BYTES) throw itemTooLarge(count);
    yield last;
  }
  if (count === 0) throw noItems();
}

/**
 * `{"articles": [{…}, …]}`, parsed as it streams: each element is handed on as soon as it is
 * complete, and only it is held. Elements are articles (`{"title", …}`), or already
 * `{"article": {…}}` as in NDJSON.
 */
async function* jsonItems(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
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
  const malformed = () => new ProblemException(edgeProblems.malformedJson());
  for await (const chunk of chunks) {
    try {
      parser.write(chunk);
    } catch {
      throw malformed();
    }
    if (failure !== undefined) throw malformed();
    sinceLast += chunk.length;
    if (sinceLast > 2 * MAX_ITEM_BYTES) throw itemTooLarge(count + 1);
    yield* ready.splice(0);
  }
  // The parser ends by itself after the top-level value; ending it again would be an error.
  try {
    if (!parser.isEnded) parser.end();
  } catch {
    throw malformed();
  }
  if (failure !== undefined) throw malformed();
  yield* ready.splice(0);
  if (seen.notAList) throw new ProblemException(edgeProblems.validationFailed({ articles: ['must be a list of articles'] }));
  if (count === 0) throw noItems();
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
