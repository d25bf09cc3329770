// One type-aware rule Biome cannot check: no neverthrow Result is dropped as a bare statement
// (scripts/eslint/no-dropped-result.js). Biome formats and lints everything else.
import tseslint from 'typescript-eslint';
import { noDroppedResult } from './scripts/eslint/no-dropped-result.js';

export default tseslint.config({
  files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
  ignores: ['**/dist/**', 'packages/client/src/openapi.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
  plugins: { conduit: { rules: { 'no-dropped-result': noDroppedResult } } },
  rules: { 'conduit/no-dropped-result': 'error' },
});
