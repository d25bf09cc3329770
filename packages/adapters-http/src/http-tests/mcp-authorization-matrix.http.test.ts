import { describe, expect, it } from 'vitest';
import { MCP_TOOLS } from '../mcp/mcp-tools.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';
import { anOwnedWorld } from '../testing/owned-world.js';
import { validToolArguments } from '../testing/valid-tool-arguments.js';

type Caller = 'anonymous' | 'another user' | 'owner' | 'admin';

/** As the HTTP matrix's OWNERSHIP, by tool: the same policies answer, so the same callers are refused. */
const OWNERSHIP: Record<string, 'owner' | 'hidden' | 'any'> = {
  list_articles: 'any',
  get_article: 'any',
  get_feed: 'any',
  create_article: 'any',
  update_article: 'owner',
  delete_article: 'owner',
  favorite_article: 'any',
  unfavorite_article: 'any',
  add_comment: 'any',
  delete_comment: 'owner',
  get_profile: 'any',
  follow_user: 'any',
  unfollow_user: 'any',
  get_current_user: 'any',
  update_current_user: 'any',
  list_tags: 'any',
  start_article_import: 'any',
  get_job: 'hidden',
};

const CALLERS: Caller[] = ['anonymous', 'another user', 'owner', 'admin'];

const expected = (tool: (typeof MCP_TOOLS)[number], caller: Caller): 'success' | 401 | 403 | 404 => {
  if (tool.access === 'anyone') return 'success';
  if (caller === 'anonymous') return 401;
  if (caller === 'another user' && OWNERSHIP[tool.name] === 'owner') return 403;
  if (caller === 'another user' && OWNERSHIP[tool.name] === 'hidden') return 404;
  return 'success';
};

describe('authorization matrix over MCP', () => {
  it('covers every tool', () => {
    expect(MCP_TOOLS.map((tool) => tool.name).sort()).toEqual(Object.keys(OWNERSHIP).sort());
  });

  for (const tool of MCP_TOOLS) {
    for (const caller of CALLERS) {
      const outcome = expected(tool, caller);
      it(`${tool.name} as ${caller} -> ${outcome}`, async () => {
        const http = createHttpTestHarness();
        const world = await anOwnedWorld(http);
        const { owner, other, admin } = world;
        const args = validToolArguments(world);
        const tokens: Record<Caller, string | undefined> = { anonymous: undefined, 'another user': other, owner, admin };
        const answer = await (await http.mcp(tokens[caller])).call(tool.name, args[tool.name]);
        if (outcome === 'success') expect(answer.ok, JSON.stringify(answer.body)).toBe(true);
        else expect(answer).toMatchObject({ ok: false, body: { status: outcome } });
      });
    }
  }

  it('refuses an invalid token at the door, before any tool', async () => {
    const http = createHttpTestHarness();
    await expect(http.mcp('not.a.valid-token')).rejects.toThrow(/401/);
  });
});
