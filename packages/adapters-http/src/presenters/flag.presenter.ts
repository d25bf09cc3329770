import type { FlagView } from '@conduit/app';
import { type FlagChangeRecord, type FlagSetting, formatFlagState } from '@conduit/domain';
import type { z } from '@hono/zod-openapi';
import type { FlagHistoryResponse, FlagListResponse, FlagResponse } from '../schemas/flag.schemas.js';

const setBy = (setting: Pick<FlagSetting, 'changedBy' | 'changedAt' | 'reason'>) => ({
  setBy: setting.changedBy,
  setAt: setting.changedAt.toISOString(),
  reason: setting.reason,
});

const flagJson = (view: FlagView): z.infer<typeof FlagResponse>['flag'] => ({
  name: view.flag,
  value: view.setting === null ? (view.defaultOn ? 'on' : 'off') : formatFlagState(view.setting.state),
  default: view.defaultOn ? 'on' : 'off',
  set: view.setting === null ? null : setBy(view.setting),
  articles: view.articles.map((setting) => ({
    slug: setting.target.kind === 'article' ? setting.target.slug : '',
    value: formatFlagState(setting.state),
    ...setBy(setting),
  })),
});

export const presentFlag = (view: FlagView): z.infer<typeof FlagResponse> => ({ flag: flagJson(view) });
export const presentFlags = (views: FlagView[]): z.infer<typeof FlagListResponse> => ({ flags: views.map(flagJson) });
export const presentFlagHistory = (changes: FlagChangeRecord[]): z.infer<typeof FlagHistoryResponse> => ({
  changes: changes.map((change) => ({
    flag: change.flag,
    value: change.state === null ? null : formatFlagState(change.state),
    article: change.target.kind === 'article' ? change.target.slug : null,
    ...setBy(change),
  })),
});
