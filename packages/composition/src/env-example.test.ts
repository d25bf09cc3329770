import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig } from './config.js';
import { renderEnvExample } from './env-example.js';

describe('.env.example', () => {
  it('is what the configuration schema generates (run `pnpm env:write` after changing a setting)', () => {
    expect(readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')).toBe(renderEnvExample());
  });

  it('names every setting once, and its defaults parse as a valid configuration', () => {
    const text = renderEnvExample();
    const named = [...text.matchAll(/^# ([A-Z_]+)=(.*)$/gm)];
    expect(named.map(([, name]) => name)).toEqual(Object.keys(configSchema.shape));
    const env = Object.fromEntries(named.filter(([, , value]) => value !== '').map(([, name, value]) => [name, value]));
    expect(parseConfig(env).ok).toBe(true);
  });
});
