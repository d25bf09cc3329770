/**
 * The layer rules of docs/architecture.md, checked on every `pnpm test`. Tests and testing/ folders may
 * reach across (a contract suite runs against every adapter), production code may not.
 */
const TEST_CODE = '(\\.test\\.ts$|/src/testing/|/http-tests/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-depends-on-nothing',
      comment: 'The domain imports only itself and neverthrow: no node:, zod, ORM or Hono.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: TEST_CODE },
      to: { pathNot: ['^packages/domain/src', 'neverthrow'] },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: TEST_CODE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-depends-on-domain-only',
      severity: 'error',
      from: { path: '^packages/app/src', pathNot: TEST_CODE },
      to: { pathNot: ['^packages/app/src', '^packages/domain/src', 'neverthrow'] },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      from: { path: '^packages/adapters-([^/]+)/src', pathNot: TEST_CODE },
      to: { path: '^packages/adapters-', pathNot: '^packages/adapters-$1/' },
    },
    {
      name: 'client-stands-alone',
      comment: 'The typed client knows the API only by its OpenAPI document: it imports no package of the house, so it can be published.',
      severity: 'error',
      from: { path: '^packages/client/src' },
      to: { path: '^packages/', pathNot: '^packages/client/' },
    },
    {
      name: 'only-drivers-use-the-client',
      comment: 'The core and its adapters never call the API over HTTP; only apps (scripts, tests, bench) consume it.',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/client/' },
      to: { path: '^packages/client/' },
    },
    {
      name: 'nothing-imports-apps',
      severity: 'error',
      from: { path: '^(packages|apps)/', pathNot: '^apps/([^/]+)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'testing-code-stays-out-of-production',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@conduit/source', 'import', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
