import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FEATURES_ON } from '@conduit/app';
import { ARTICLE_LIMITS, anonymous, checkSignUp } from '@conduit/domain';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * A rule lives in one place, the domain. This file changes it there (the title limit, as an edit
 * of ARTICLE_LIMITS would) before any adapter or driver is loaded, then watches HTTP, MCP and the
 * CLI all apply the new limit, with the same words, though none of them was touched. Vitest runs
 * each file in a module graph of its own: no other test sees the change.
 */
const NEW_TITLE_LIMIT = 12;
Object.assign(ARTICLE_LIMITS, { title: NEW_TITLE_LIMIT });

const { createHttpTestHarness } = await import('@conduit/adapters-http/testing');
const { composeInMemoryCore } = await import('@conduit/composition');
const { importArticles } = await import('./commands/import-articles.js');

const fits = 'x'.repeat(NEW_TITLE_LIMIT);
const tooLong = 'x'.repeat(NEW_TITLE_LIMIT + 1);
const refusal = { title: [`is too long (maximum is ${NEW_TITLE_LIMIT} characters)`] };
const article = (title: string) => ({ title, description: 'd', body: 'b' });

const folder = mkdtempSync(join(tmpdir(), 'conduit-one-rule-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe(`one rule, changed in the domain only (a title of at most ${NEW_TITLE_LIMIT} characters)`, () => {
  it('is the rule of HTTP: the document states it and the API applies it', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('rule');
    const document = await (await http.raw('GET', '/api/openapi.json')).json();
    expect(document.components.schemas.NewArticleRequest.properties.article.properties.title.maxLength).toBe(NEW_TITLE_LIMIT);
    expect((await http.call('POST', '/api/articles', { token, body: { article: article(fits) } })).status).toBe(201);
    const refused = await http.call('POST', '/api/articles', { token, body: { article: article(tooLong) } });
    expect(refused).toMatchObject({ status: 422, body: { errors: refusal } });
  });

  it('is the rule of MCP: the tool schema states it and the tool applies it', async () => {
    const http = createHttpTestHarness();
    const agent = await http.mcp(await http.register('rule'));
    const { tools } = await agent.client.listTools();
    const create = tools.find((tool) => tool.name === 'create_article');
    expect(create?.inputSchema).toMatchObject({ properties: { article: { properties: { title: { maxLength: NEW_TITLE_LIMIT } } } } });
    expect((await agent.call('create_article', { article: article(fits) })).ok).toBe(true);
    expect(await agent.call('create_article', { article: article(tooLong) })).toMatchObject({
      ok: false,
      body: { status: 422, errors: refusal },
    });
  });

  it('is the rule of the CLI: an import refuses the item and says why', async () => {
    const core = composeInMemoryCore();
    const signUp = checkSignUp({ username: 'rule', email: 'rule@example.com', password: 'password123' })._unsafeUnwrap();
    (await core.useCases.registerUser({ actor: anonymous, features: ALL_FEATURES_ON }, signUp))._unsafeUnwrap();
    const file = join(folder, 'articles.ndjson');
    writeFileSync(file, `${[fits, tooLong].map((title) => JSON.stringify({ article: article(title) })).join('\n')}\n`);
    const exitCode = await importArticles(core, file, { as: 'rule', operator: 'test' });
    expect(exitCode).toBe(1);
    const [line] = readFileSync(`${file}.errors.ndjson`, 'utf8').trim().split('\n');
    expect(JSON.parse(line ?? '{}')).toMatchObject({ errors: refusal });
  });
});
