import type { FlagBook } from '@conduit/app';
import { flagStateFor, isFlag, isOnFor, type Tenant, type TenantId, tenantId } from '@conduit/domain';
import {
  ErrorCode,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
  StandardResolutionReasons,
} from '@openfeature/server-sdk';

/**
 * The evaluation context Conduit asks with: OpenFeature's `targetingKey` is the user's id (a
 * rollout's key), and these attributes name the publication, the user's role and the article. Any
 * other provider configured instead targets on the same attributes.
 */
export const FLAG_CONTEXT = { tenantId: 'tenantId', tenant: 'tenant', role: 'role', article: 'article' } as const;

const mismatch = <T>(value: T): ResolutionDetails<T> => ({
  value,
  reason: StandardResolutionReasons.ERROR,
  errorCode: ErrorCode.TYPE_MISMATCH,
  errorMessage: "Conduit's flags are booleans",
});

/**
 * Conduit's own OpenFeature provider: each publication's settings in PostgreSQL (feature_flags),
 * kept in memory by the flag book, so an evaluation costs no round trip. A flag the publication has
 * not set answers the caller's default (the environment's); one set for the asked article answers
 * that setting (TARGETING_MATCH); a rollout is on for its share of user ids (SPLIT).
 */
export class ConduitFlagProvider implements Provider {
  readonly metadata = { name: 'conduit' } as const;
  readonly runsOn = 'server' as const;

  constructor(
    private readonly book: FlagBook,
    private readonly tenantById: (id: TenantId) => Promise<Tenant | null>,
  ) {}

  async resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    if (!isFlag(flagKey)) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND };
    const id = context[FLAG_CONTEXT.tenantId];
    const tenant = typeof id === 'number' ? await this.tenantById(tenantId(id)) : null;
    if (tenant === null) return { value: defaultValue, reason: StandardResolutionReasons.DEFAULT };
    const states = await this.book.statesOf(tenant);
    const asked = context[FLAG_CONTEXT.article];
    const article = typeof asked === 'string' ? asked : undefined;
    const state = flagStateFor(states, flagKey, article === undefined ? {} : { article });
    if (state === undefined) return { value: defaultValue, reason: StandardResolutionReasons.DEFAULT };
    const value = isOnFor(state, flagKey, context.targetingKey);
    if (state.kind === 'rollout') return { value, reason: StandardResolutionReasons.SPLIT };
    const forArticle = article !== undefined && states.get(flagKey)?.articles.has(article) === true;
    return { value, reason: forArticle ? StandardResolutionReasons.TARGETING_MATCH : StandardResolutionReasons.STATIC };
  }

  async resolveStringEvaluation(_flagKey: string, defaultValue: string): Promise<ResolutionDetails<string>> {
    return mismatch(defaultValue);
  }

  async resolveNumberEvaluation(_flagKey: string, defaultValue: number): Promise<ResolutionDetails<number>> {
    return mismatch(defaultValue);
  }

  async resolveObjectEvaluation<T extends JsonValue>(_flagKey: string, defaultValue: T): Promise<ResolutionDetails<T>> {
    return mismatch(defaultValue);
  }
}
