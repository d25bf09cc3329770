import {
  DEFAULT_TENANT,
  type InvalidToken,
  parseId,
  parseSessionId,
  type TenantId,
  type TokenClaims,
  type TokenIssuer,
  type TokenVerifier,
  userId,
} from '@conduit/domain';
import { type CryptoKey, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';

/** A named HS256 secret; `kid` goes in each token's header so verification finds its key. */
export type SigningKey = { readonly kid: string; readonly secret: Uint8Array };

export type JwtSettings = {
  /**
   * Every key tokens may be verified with; the first also signs new tokens. Rotation: put a new key
   * first, keep the old one until the tokens it signed have expired, then remove it.
   */
  readonly keys: readonly SigningKey[];
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  /** Tolerated clock skew when checking `exp` and `iat`. */
  readonly leewaySeconds: number;
  /**
   * The tenant in scope (a request's Host): a token names the tenant it was issued for (`tid`) and
   * is valid for that tenant only. Absent, or none in scope: the default tenant's.
   */
  readonly currentTenant?: () => TenantId | undefined;
};

/** What a verified token is remembered as: its claims, and the tenant it belongs to. */
type Verified = { readonly claims: TokenClaims; readonly tenant: number };

const ALGORITHM = 'HS256';

/**
 * An HS256 secret as a WebCrypto key that signs and verifies and cannot be exported again (from a
 * copy of the bytes: WebCrypto takes no view of a shared buffer).
 */
const importHmacKey = (secret: Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

/**
 * HS256 JWTs: one allow-listed algorithm (so `none` and key confusion are refused), iss/aud/exp
 * checked. `sub` is the user, `sid` the session, `tid` the tenant; a token without a session (issued
 * before sessions existed) is refused, so its holder signs in once more. A token without `tid` was
 * issued before there were tenants, by the default tenant. A token of another tenant is refused
 * (its session would not be found there either: row-level security hides it).
 */
export class JoseTokens implements TokenIssuer, TokenVerifier {
  /**
   * Clients send the same token on every request, so a verified token is remembered until it
   * expires: the signature is checked once per token, not once per request. Bounded in size; only
   * successes are kept, and the session behind a token is still checked on every request.
   */
  private readonly verified = new LRUCache<string, Verified>({ max: 10_000, ttlAutopurge: false });

  /**
   * Each secret imported once as a WebCrypto key: given the raw bytes, jose imports them anew for
   * every signature (measured: about a third of the cost of issuing a token, docs/benchmarks.md).
   */
  private readonly keysById: ReadonlyMap<string, Promise<CryptoKey>>;

  constructor(private readonly settings: JwtSettings) {
    if (settings.keys.length === 0) throw new Error('At least one JWT key is required');
    for (const key of settings.keys) {
      if (key.secret.byteLength < 32) throw new Error(`JWT key "${key.kid}" must be at least 32 bytes`);
    }
    this.keysById = new Map(settings.keys.map((key) => [key.kid, importHmacKey(key.secret)]));
    if (this.keysById.size !== settings.keys.length) throw new Error('JWT key ids must be unique');
  }

  private get signingKid(): string {
    return (this.settings.keys[0] as SigningKey).kid;
  }

  get lifetimeSeconds(): number {
    return this.settings.ttlSeconds;
  }

  private tenantInScope(): number {
    return this.settings.currentTenant?.() ?? DEFAULT_TENANT.id;
  }

  /** The verified claims when the token is the current tenant's. */
  private forThisTenant(verified: Verified): ResultAsync<TokenClaims, InvalidToken> {
    return verified.tenant === this.tenantInScope()
      ? okAsync(verified.claims)
      : errAsync({ type: 'InvalidToken', reason: 'another tenant' } as const);
  }

  async issue(claims: TokenClaims): Promise<string> {
    const kid = this.signingKid;
    const key = await this.keyFor(kid);
    return new SignJWT({ sid: claims.sessionId, tid: this.tenantInScope() })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid })
      .setSubject(String(claims.userId))
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .sign(key);
  }

  verify(token: string): ResultAsync<TokenClaims, InvalidToken> {
    const known = this.verified.get(token);
    if (known !== undefined) return this.forThisTenant(known);
    return ResultAsync.fromPromise(
      jwtVerify(token, (header) => this.keyFor(header.kid), {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.leewaySeconds,
        requiredClaims: ['sub', 'sid', 'exp', 'iat'],
      }),
      (error): InvalidToken => ({ type: 'InvalidToken', reason: error instanceof Error ? error.name : 'unknown' }),
    ).andThen(({ payload }) => {
      const id = typeof payload.sub === 'string' ? parseId(payload.sub) : null;
      if (id === null) return errAsync({ type: 'InvalidToken', reason: 'bad subject' } as const);
      const session = typeof payload['sid'] === 'string' ? parseSessionId(payload['sid']) : null;
      if (session === null) return errAsync({ type: 'InvalidToken', reason: 'bad session' } as const);
      const tid = payload['tid'] ?? DEFAULT_TENANT.id;
      if (typeof tid !== 'number' || !Number.isSafeInteger(tid)) return errAsync({ type: 'InvalidToken', reason: 'bad tenant' } as const);
      const verified: Verified = { claims: { userId: userId(id), sessionId: session }, tenant: tid };
      // jose has checked `exp` (verification fails without a valid one).
      const ttl = (payload.exp ?? 0) * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, verified, { ttl });
      return this.forThisTenant(verified);
    });
  }

  /** The key a token names; a token without `kid`, or naming a removed key, is refused. */
  private keyFor(kid: string | undefined): Promise<CryptoKey> {
    const key = kid === undefined ? undefined : this.keysById.get(kid);
    if (key === undefined) throw new Error('unknown key id');
    return key;
  }
}
