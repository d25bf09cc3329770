import { checkFlagChange } from '@conduit/domain';
import { presentFlag, presentFlagHistory, presentFlags } from '../presenters/flag.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import {
  FlagHistoryQuery,
  FlagHistoryResponse,
  FlagListResponse,
  FlagParam,
  FlagResponse,
  SetFlagBody,
  UnsetFlagQuery,
} from '../schemas/flag.schemas.js';
import { operation } from './operation.js';

const tags = ['Flags (admins)'];

/** The publication's flags, for its admins: read, set, set back to the default, and the record of changes. HTTP's alone. */
export const flagOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/admin/flags',
      operationId: 'ListFlags',
      tags,
      summary: 'Every flag of this publication: its value, its default, who set it, when and why (admins)',
      status: 200,
      description: 'The flags',
    },
    request: {},
    response: FlagListResponse,
    failures: failureStatuses('listFlags', ['FlagChangeForbidden']),
    run: (useCases, ctx) => useCases.listFlags(ctx),
    present: presentFlags,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/admin/flags/history',
      operationId: 'ListFlagChanges',
      tags,
      summary: "The latest changes of this publication's flags, newest first (admins)",
      status: 200,
      description: 'The changes',
    },
    request: { query: FlagHistoryQuery },
    response: FlagHistoryResponse,
    failures: failureStatuses('flagHistory', ['FlagChangeForbidden']),
    run: (useCases, ctx, { limit }) => useCases.flagHistory(ctx, limit),
    present: presentFlagHistory,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'put',
      path: '/admin/flags/{name}',
      operationId: 'SetFlag',
      idempotencyKey: { none: 'a PUT: sending it again sets the same value, recorded again' },
      tags,
      summary: 'Set a flag for this publication, or for one article: seen by every server from its next request (admins)',
      status: 200,
      description: 'Set',
    },
    request: { params: FlagParam, body: SetFlagBody },
    response: FlagResponse,
    failures: failureStatuses('changeFlag', ['FlagChangeForbidden']),
    check: ({ name, flag: { value, article, reason } }) => checkFlagChange({ flag: name, state: value, article, reason }),
    run: (useCases, ctx, change) => useCases.changeFlag(ctx, change),
    present: presentFlag,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/admin/flags/{name}',
      operationId: 'UnsetFlag',
      idempotencyKey: { none: 'setting a flag back to its default twice leaves it at its default' },
      tags,
      summary: "Set a flag back to its default (the environment's), for this publication or one article (admins)",
      status: 200,
      description: 'Back to its default',
    },
    request: { params: FlagParam, query: UnsetFlagQuery },
    response: FlagResponse,
    failures: failureStatuses('changeFlag', ['FlagChangeForbidden']),
    check: ({ name, article, reason }) => checkFlagChange({ flag: name, state: null, article, reason }),
    run: (useCases, ctx, change) => useCases.changeFlag(ctx, change),
    present: presentFlag,
  }),
] as const;
