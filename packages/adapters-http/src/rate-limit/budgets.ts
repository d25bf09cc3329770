/** A named allowance: `points` requests per `windowSeconds`. Names appear in the quota headers. */
export type Budget = { readonly name: string; readonly points: number; readonly windowSeconds: number };

export type RateLimitBudgets = {
  /** Every API request without a signed-in user, per client address. */
  readonly anonymous: Budget;
  /** Every API request of a signed-in user, per user. */
  readonly authenticated: Budget;
  /** Failed logins per account (email): guessing one account's password. */
  readonly loginPerAccount: Budget;
  /** Failed logins per client address: trying many accounts. */
  readonly loginPerAddress: Budget;
  /** Sign-up attempts per client address. */
  readonly signUpPerAddress: Budget;
};
