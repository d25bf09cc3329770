import { type InvalidToken, type TokenIssuer, type TokenVerifier, type UserId, userId } from '@conduit/domain';
import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';

export type JwtSettings = {
  /** At least 32 bytes of secret for HS256. */
  readonly secret: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  /** Tolerated clock skew when checking `exp` and `iat`. */
  readonly leewaySeconds: number;
};

const ALGORITHM = 'HS256';

/** HS256 JWTs: one allow-listed algorithm (so `none` and key confusion are refused), iss/aud/exp checked. */
export class JoseTokens implements TokenIssuer, TokenVerifier {
  /**
   * Clients send the same token on every request, so a verified token is remembered until it
   * expires: the signature is checked once per token, not once per request. Bounded in size; only
   * successes are kept, and the user behind a token is still loaded on every request.
   */
  private readonly verified = new LRUCache<string, UserId>({ max: 10_000, ttlAutopurge: false });

  constructor(private readonly settings: JwtSettings) {
    if (settings.secret.byteLength < 32) throw new Error('JWT secret must be at least 32 bytes');
  }

  issue(id: UserId): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(id))
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .sign(this.settings.secret);
  }

  verify(token: string): ResultAsync<UserId, InvalidToken> {
    const known = this.verified.get(token);
    if (known !== undefined) return okAsync(known);
    return ResultAsync.fromPromise(
      jwtVerify(token, this.settings.secret, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.leewaySeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
      }),
      (error): InvalidToken => ({ type: 'InvalidToken', reason: error instanceof Error ? error.name : 'unknown' }),
    ).andThen(({ payload }) => {
      const id = Number(payload.sub);
      if (!Number.isSafeInteger(id) || id <= 0) return errAsync({ type: 'InvalidToken', reason: 'bad subject' } as const);
      const ttl = (payload.exp as number) * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, userId(id), { ttl });
      return okAsync(userId(id));
    });
  }
}
