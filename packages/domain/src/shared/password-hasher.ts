/**
 * One-way password hashing. Implementations must not block the event loop
 * (hashing is deliberately slow).
 */
export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  /** Resolves false for a wrong password or an unparseable hash; never rejects for either. */
  verify(hash: string, plain: string): Promise<boolean>;
  /** True when the hash was made with other (older, weaker) parameters than `hash` uses now. */
  needsRehash(hash: string): boolean;
}
