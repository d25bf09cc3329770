import { defineConfig } from 'vitest/config';

/** End-to-end: the built server, started as a process, driven over real HTTP. */
export default defineConfig({
  resolve: { conditions: ['@conduit/source'] },
  ssr: { resolve: { conditions: ['@conduit/source'] } },
  test: {
    include: ['apps/*/src/**/*.e2e.test.ts'],
    globalSetup: ['./test/postgres-global-setup.ts'],
    // Ceilings that only catch a hang: a test's verdict never depends on how busy the machine is
    // (the fuzz test alone takes about 26 s on a quiet machine and several times that on a busy one).
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
