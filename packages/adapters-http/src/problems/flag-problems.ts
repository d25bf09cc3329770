import type { Flag } from '@conduit/domain';
import type { ProblemSpec } from './problem.js';
import type { ProblemTable } from './problem-table.js';

/** What a closed flag answers, on every door: one stable code per flag. */
const CLOSED: Record<Flag, Omit<ProblemSpec, 'status'>> = {
  registration: {
    code: 'REGISTRATION_CLOSED',
    title: 'Registration closed',
    detail: 'New accounts cannot be created at the moment.',
    errors: { registration: ['is closed'] },
  },
  comments: {
    code: 'COMMENTS_DISABLED',
    title: 'Comments disabled',
    detail: 'New comments cannot be posted here at the moment.',
    errors: { comments: ['are disabled'] },
  },
  imports: {
    code: 'IMPORTS_CLOSED',
    title: 'Imports closed',
    detail: 'Articles cannot be imported at the moment.',
    errors: { imports: ['are closed'] },
  },
  'account-export': {
    code: 'ACCOUNT_EXPORT_CLOSED',
    title: 'Account export closed',
    detail: 'Accounts cannot be exported at the moment.',
    errors: { export: ['is closed'] },
  },
  mcp: {
    code: 'MCP_CLOSED',
    title: 'MCP closed',
    detail: 'The MCP door of this publication is closed at the moment; the HTTP API is not.',
    errors: { mcp: ['is closed'] },
  },
  'mcp-writes': {
    code: 'MCP_WRITES_CLOSED',
    title: 'MCP writes closed',
    detail: 'Tools that change something are closed on the MCP door at the moment; reading tools are not.',
    errors: { mcp: ['writes are closed'] },
  },
};

/** Flags: what a closed one answers, and who may change them. Rows of the one table (app-error-problem.ts). */
export const flagProblems = {
  FeatureDisabled: {
    status: 403,
    describe: (error): Omit<ProblemSpec, 'status'> => CLOSED[error.feature],
  },
  FlagChangeForbidden: {
    status: 403,
    describe: () => ({
      code: 'FLAG_CHANGE_FORBIDDEN',
      title: 'Forbidden',
      detail: "Only the publication's admins may read or change its flags.",
      errors: { flags: ['forbidden'] },
    }),
  },
} as const satisfies Partial<ProblemTable>;
