import { defineConfig } from 'vitest/config';

/** Unit, contract and HTTP tests. Workspace packages resolve to their TypeScript sources. */
export default defineConfig({
  resolve: { conditions: ['@conduit/source'] },
  ssr: { resolve: { conditions: ['@conduit/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    exclude: ['**/*.e2e.test.ts', '**/*.deploy.test.ts', '**/node_modules/**', '**/dist/**'],
    globalSetup: ['./test/postgres-global-setup.ts'],
    setupFiles: ['./test/tracing-setup.ts'],
    // Ceilings that only catch a hang: a test's verdict never depends on how busy the machine is.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
