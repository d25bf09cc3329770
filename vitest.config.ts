import { defineConfig } from 'vitest/config';

/** Unit, contract and HTTP tests. Workspace packages resolve to their TypeScript sources. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    exclude: ['**/*.e2e.test.ts', '**/*.deploy.test.ts', '**/node_modules/**', '**/dist/**'],
    globalSetup: ['./test/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
