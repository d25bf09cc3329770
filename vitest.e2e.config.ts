import { defineConfig } from 'vitest/config';

/** End-to-end: the built server, started as a process, driven over real HTTP. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['apps/*/src/**/*.e2e.test.ts'],
    globalSetup: ['./test/postgres-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
