import { describe, expect, it } from 'vitest';
import { ProblemException } from '../problems/problem-exception.js';
import { importBody, importMediaType, MAX_ITEM_BYTES } from './import-body.js';

const encoder = new TextEncoder();

/** The body cut into chunks of `size` bytes, as a network delivers it. */
async function* chunked(text: string, size = 7): AsyncIterable<Uint8Array> {
  const bytes = encoder.encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const collect = async (text: string, mediaType: 'application/json' | 'application/x-ndjson', size?: number) => {
  const body = importBody(chunked(text, size), mediaType);
  const items: string[] = [];
  for await (const item of body.items) items.push(item);
  return { items, fingerprint: body.fingerprint() };
};

const problemOf = async (text: string, mediaType: 'application/json' | 'application/x-ndjson') => {
  try {
    await collect(text, mediaType, 65_536);
  } catch (error) {
    if (error instanceof ProblemException) return { status: error.spec.status, errors: error.spec.errors };
    throw error;
  }
  throw new Error('no problem raised');
};

describe('import bodies', () => {
  it('splits NDJSON into lines across any chunking, skipping blank lines and CRs, keeping multi-byte characters', async () => {
    const text = '{"article":{"title":"é 🐉"}}\r\n\n  \n{"article":{"title":"b"}}';
    for (const size of [1, 2, 3, 5, 64]) {
      expect((await collect(text, 'application/x-ndjson', size)).items).toEqual([
        '{"article":{"title":"é 🐉"}}',
        '{"article":{"title":"b"}}',
      ]);
    }
    // A line that is not JSON is still an item: the job records it as that item's error.
    expect((await collect('nope\n{"a":1}\n', 'application/x-ndjson')).items).toEqual(['nope', '{"a":1}']);
  });

  it('streams the elements of {"articles": [...]}, wrapping bare articles', async () => {
    const text = '{"other": [1, 2], "articles": [{"title": "a", "tagList": ["x"]}, {"article": {"title": "b"}}, 7]}';
    for (const size of [1, 3, 100]) {
      expect((await collect(text, 'application/json', size)).items).toEqual([
        '{"article":{"title":"a","tagList":["x"]}}',
        '{"article":{"title":"b"}}',
        '{"article":7}',
      ]);
    }
  });

  it('refuses bodies that hold no items, are not JSON, or hide an oversized item', async () => {
    expect(await problemOf('\n \n', 'application/x-ndjson')).toEqual({ status: 422, errors: { articles: ["can't be blank"] } });
    expect(await problemOf('{"articles": []}', 'application/json')).toEqual({ status: 422, errors: { articles: ["can't be blank"] } });
    expect(await problemOf('[{"title": "a"}]', 'application/json')).toEqual({ status: 422, errors: { articles: ["can't be blank"] } });
    expect(await problemOf('{"articles": {"title": "a"}}', 'application/json')).toMatchObject({ status: 422 });
    expect(await problemOf('{"articles": [{"title": "a"}', 'application/json')).toMatchObject({ status: 400 });
    expect(await problemOf('{"articles": [} ', 'application/json')).toMatchObject({ status: 400 });
    const long = `{"article":{"title":"${'x'.repeat(MAX_ITEM_BYTES)}"}}`;
    expect(await problemOf(`{"article":{}}\n${long}\n`, 'application/x-ndjson')).toMatchObject({
      status: 413,
      errors: { 'item 2': [expect.any(String)] },
    });
    expect(await problemOf(`{"articles":[{"title":"${'x'.repeat(3 * MAX_ITEM_BYTES)}"}]}`, 'application/json')).toMatchObject({
      status: 413,
    });
  });

  it('fingerprints the media type and the exact bytes', async () => {
    const a = await collect('{"article":{}}\n', 'application/x-ndjson');
    const b = await collect('{"article":{}}\n', 'application/x-ndjson', 1);
    const c = await collect('{"article":{}} \n', 'application/x-ndjson');
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('knows its media types by essence', () => {
    expect(importMediaType('application/x-ndjson; charset=utf-8')).toBe('application/x-ndjson');
    expect(importMediaType('Application/JSON')).toBe('application/json');
    expect(importMediaType('application/jsonl')).toBe('application/x-ndjson');
    expect(importMediaType('text/plain')).toBeNull();
    expect(importMediaType(undefined)).toBeNull();
  });
});
