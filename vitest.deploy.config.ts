import { defineConfig } from 'vitest/config';

/** `pnpm test:deploy`: the container image and the manifests, run with podman (minutes: not part of `pnpm test`). */
export default defineConfig({
  resolve: { conditions: ['@conduit/source'] },
  ssr: { resolve: { conditions: ['@conduit/source'] } },
  test: {
    include: ['apps/*/src/**/*.deploy.test.ts'],
    globalSetup: ['./test/postgres-global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 1_200_000,
  },
});
