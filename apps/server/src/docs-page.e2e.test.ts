import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

/** Debian's Chromium (`apt-get install chromium`); test tools cannot download their own browser here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM) throw new Error(`${CHROMIUM} is required (REQUIRE_CHROMIUM is set)`);
if (!haveChromium) console.warn(`[docs-page] ${CHROMIUM} not found: the browser test is skipped (CI installs it)`);

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;

describe.skipIf(!haveChromium)('the API reference page in a real headless Chromium', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('renders every operation from the served document, loading nothing from other hosts', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    const response = await page.goto(`${server.baseUrl}/docs`);
    expect(response?.status()).toBe(200);
    await page.getByText('Register a new user').first().waitFor({ timeout: 120_000 });
    const text = await page.locator('body').innerText();
    // The first group is open; the others are listed, collapsed.
    for (const expected of [
      'Conduit API',
      'Sign in with email and password',
      '/api/users/login',
      'Profile',
      'Articles',
      'Favorites',
      'Comments',
      'Tags',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await page.title()).toBe('Conduit API reference');
    expect(foreign).toEqual([]);
    // Code samples that work when pasted: this server's URL and the Token scheme.
    // Samples render as they scroll into view: bring a signed-in operation's sample in.
    // As long as a busy machine needs to render them (a ceiling that only catches a page that never does).
    let samples: string[] = [];
    for (let i = 0, giveUpAt = Date.now() + 120_000; Date.now() < giveUpAt; i++) {
      if (i < 6) await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(200);
      samples = (await page.locator('body').innerText()).match(/curl[^\n]*\n(?:\s+--[^\n]*\n)*/g) ?? [];
      if (i >= 5 && /Authorization: Token /.test(samples.join(''))) break;
    }
    console.info(`[docs-page] ${JSON.stringify(samples.slice(0, 3))}`);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(sample).toContain(`curl ${server.baseUrl}/api/`);
    expect(samples.join('')).toMatch(/Authorization: Token /);
    expect(samples.join('')).not.toContain('YOUR_SECRET_TOKEN');
    for (const hosted of ['Ask AI', 'Deploy', 'Share', 'Open API Client', 'Developer Tools']) expect(text).not.toContain(hosted);
  });
});
