import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { metricsPlacement } from './metrics.js';

describe('metricsPlacement', () => {
  const placement = (env: Record<string, string>) => {
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.message);
    return metricsPlacement(parsed.config);
  };

  it('serves metrics on the API port by default, on their own port, or not at all', () => {
    expect(placement({})).toBe('api');
    expect(placement({ METRICS_PORT: '9464' })).toBe('own-port');
    expect(placement({ METRICS_ENABLED: 'false' })).toBe('off');
  });
});
