import { join } from 'node:path';

/**
 * The process environment after `.env` in the working directory (the checkout's root under `pnpm`)
 * is read, with Node's own loader: a variable already set in the real environment wins over the
 * file, and a missing file is no error. Every driver calls this once, before it parses its settings.
 */
export const environmentWithDotEnv = (directory: string = process.cwd()): NodeJS.ProcessEnv => {
  try {
    process.loadEnvFile(join(directory, '.env'));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  return process.env;
};
