// Writes .env.example from the configuration schema (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { renderEnvExample } from '../packages/composition/dist/index.js';

writeFileSync(new URL('../.env.example', import.meta.url), renderEnvExample());
console.log('.env.example written');
