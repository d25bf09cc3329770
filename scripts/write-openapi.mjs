// Writes the OpenAPI document the server serves to openapi.json (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../packages/adapters-http/dist/index.js';

writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log('openapi.json written');
