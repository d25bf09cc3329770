import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../create-http-app.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

const committed = new URL('../../../../openapi.json', import.meta.url);

describe('the committed OpenAPI document', () => {
  it('is exactly what the server serves (run `pnpm openapi:write` after changing the contract)', async () => {
    const http = createHttpTestHarness();
    const served = await (await http.raw('GET', OPENAPI_PATH)).json();
    expect(served).toEqual(JSON.parse(readFileSync(committed, 'utf8')));
  });
});
