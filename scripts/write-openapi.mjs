// Writes the OpenAPI document the server serves to openapi.json, and the typed client's types made
// from it to packages/client/src/openapi.ts (run after `pnpm build`, on the repo's Node 24, which
// reads the TypeScript generator as is).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../packages/adapters-http/dist/index.js';
import { clientTypesFor } from '../packages/client/src/generate-types.ts';

const document = openApiDocument();
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(new URL('../packages/client/src/openapi.ts', import.meta.url), await clientTypesFor(document));
console.log('openapi.json and packages/client/src/openapi.ts written');
