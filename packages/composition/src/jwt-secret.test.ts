import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateJwtSecret } from './jwt-secret.js';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the data folder secret (no JWT_SECRET)', () => {
  it('is made once and kept', async () => {
    folder = await mkdtemp(join(tmpdir(), 'conduit-secret-'));
    const file = join(folder, 'data', 'jwt-secret');
    const first = await loadOrCreateJwtSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(await loadOrCreateJwtSecret(file)).toBe(first);
  });

  it('is the same for processes that start at once (cluster workers), and leaves no drafts', async () => {
    folder = await mkdtemp(join(tmpdir(), 'conduit-secret-'));
    const file = join(folder, 'jwt-secret');
    const secrets = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateJwtSecret(file)));
    expect(new Set(secrets).size).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(secrets[0]);
    expect(await readdir(folder)).toEqual(['jwt-secret']);
  });
});
