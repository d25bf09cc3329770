import { describe, expect, it } from 'vitest';
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
  for await (const item of body.items) {
    if (item.isErr()) return { items, refused: item.error, fingerprint: body.fingerprint() };
    items.push(item.value);
  }
  return { items, refused: null, fingerprint: body.fingerprint() };
};

const refusalOf = async (text: string, mediaType: 'application/json' | 'application/x-ndjson') =>
  (await collect(text, mediaType, 65_536)).refused;

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

  it('reads no items from an empty list (the use case refuses the upload), and reports bodies that are not JSON, not a list, or hide an oversized item', async () => {
    expect(await collect('\n \n', 'application/x-ndjson')).toMatchObject({ items: [], refused: null });
    expect(await collect('{"articles": []}', 'application/json')).toMatchObject({ items: [], refused: null });
    expect(await collect('[{"title": "a"}]', 'application/json')).toMatchObject({ items: [], refused: null });
    expect(await refusalOf('{"articles": {"title": "a"}}', 'application/json')).toEqual({
      type: 'UploadInvalid',
      errors: { articles: ['must be a list of articles'] },
    });
    expect(await refusalOf('{"articles": [{"title": "a"}', 'application/json')).toEqual({ type: 'UploadMalformed' });
    expect(await refusalOf('{"articles": [} ', 'application/json')).toEqual({ type: 'UploadMalformed' });
    const long = `{"article":{"title":"${'x'.repeat(MAX_ITEM_BYTES)}"}}`;
    expect(await refusalOf(`{"article":{}}\n${long}\n`, 'application/x-ndjson')).toEqual({
      type: 'UploadItemTooLarge',
      item: 2,
      limitBytes: MAX_ITEM_BYTES,
    });
    expect(await refusalOf(`{"articles":[{"title":"${'x'.repeat(3 * MAX_ITEM_BYTES)}"}]}`, 'application/json')).toMatchObject({
      type: 'UploadItemTooLarge',
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
