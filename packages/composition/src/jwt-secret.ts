import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SigningKey } from '@conduit/adapters-crypto';
import type { Config } from './config.js';

const errorCode = (error: unknown): unknown => (error instanceof Error ? Reflect.get(error, 'code') : undefined);

/**
 * For the zero-setup start only: a random secret made once and kept in the data folder, so tokens
 * survive restarts. Production must configure JWT_SECRET (enforced by the config). Several
 * processes may start at once (cluster workers): the secret is written whole to a file of its own
 * and linked into place, which fails if another process got there first; then theirs is used, so
 * every process signs with the same secret.
 */
export const loadOrCreateJwtSecret = async (file: string): Promise<string> => {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, secret, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
    return secret;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  } finally {
    await unlink(draft);
  }
};

/** A single secret's key id: derived from the secret, so changing the secret changes the id. */
const kidOf = (secret: string): string => `k${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;

/** JWT_KEYS, else JWT_SECRET, else the secret kept in the data folder. */
export const signingKeys = async (config: Config): Promise<SigningKey[]> => {
  const encode = (secret: string) => new TextEncoder().encode(secret);
  if (config.JWT_KEYS) return config.JWT_KEYS.map((key) => ({ kid: key.kid, secret: encode(key.secret) }));
  const secret = config.JWT_SECRET ?? (await loadOrCreateJwtSecret(join(config.DATA_DIR, 'jwt-secret')));
  return [{ kid: kidOf(secret), secret: encode(secret) }];
};
