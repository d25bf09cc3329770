import { FLAG_REASON_MAX, FLAGS } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { anyText, stringField } from './fields.js';

const flagName = z.enum(FLAGS).openapi({ description: 'The flag.', example: 'comments' });
const flagValue = z.string().openapi({ description: '`on`, `off`, or the share of users it is on for (`10%`).', example: 'off' });

export const FlagParam = z.object({
  name: z.string().openapi({ param: { name: 'name', in: 'path' }, description: FLAGS.join(', '), example: 'comments' }),
});

export const SetFlagBody = z
  .object({
    flag: z.object({
      value: stringField().openapi({
        description: '`on`, `off`, or `N%` (1-99: on for that share of users, by a stable hash of their id).',
        example: 'off',
      }),
      article: stringField().optional().openapi({ description: 'Only for this article (by slug); `comments` only.' }),
      reason: anyText(FLAG_REASON_MAX).optional().openapi({ description: 'Why: kept with the change, with who made it and when.' }),
    }),
  })
  .openapi('SetFlagRequest');

export const UnsetFlagQuery = z.object({
  article: stringField().optional().openapi({ description: 'Only this article’s setting (`comments`).' }),
  reason: anyText(FLAG_REASON_MAX).optional().openapi({ description: 'Why: kept with the change.' }),
});

const SetByJson = {
  setBy: z.string().openapi({ description: 'An operator, or `user:<id>` for an admin.', example: 'user:1' }),
  setAt: z.iso.datetime(),
  reason: z.string().nullable(),
};

const FlagJson = z
  .object({
    name: flagName,
    value: flagValue.openapi({ description: 'What the publication answers: its setting, else the default.' }),
    default: z.enum(['on', 'off']).openapi({ description: 'The value without a setting (the environment’s).' }),
    set: z.object(SetByJson).nullable().openapi({ description: 'Who set the publication’s value, when and why; null: the default.' }),
    articles: z
      .array(z.object({ slug: z.string(), value: flagValue, ...SetByJson }))
      .openapi({ description: 'Articles set apart (`comments`).' }),
  })
  .openapi('Flag');

export const FlagResponse = z.object({ flag: FlagJson }).openapi('FlagResponse');
export const FlagListResponse = z.object({ flags: z.array(FlagJson) }).openapi('FlagListResponse');

export const FlagHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50).openapi({ description: 'How many changes (1-1000).' }),
});

export const FlagHistoryResponse = z
  .object({
    changes: z.array(
      z.object({
        flag: flagName,
        value: flagValue.nullable().openapi({ description: 'null: set back to its default.' }),
        article: z.string().nullable(),
        ...SetByJson,
      }),
    ),
  })
  .openapi('FlagHistoryResponse');
