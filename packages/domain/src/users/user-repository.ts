import type { ResultAsync } from 'neverthrow';
import type { Authorized } from '../shared/authorized.js';
import type { UserId } from '../shared/ids.js';
import type { UniqueUserFieldTaken } from './user.errors.js';
import type { NewUser, User, UserProfile } from './user.js';

export interface UserRepository {
  /** Returns null when no user has this id. */
  findById(id: UserId): Promise<User | null>;
  /** Expects a normalized email; returns null when none matches. */
  findByEmail(email: string): Promise<User | null>;
  /** Returns null when no user has this username. */
  findByUsername(username: string): Promise<User | null>;
  /**
   * Stores a new user. Uniqueness of username and email is enforced by the store itself, so two
   * concurrent sign-ups cannot both win; the loser gets the field that was taken.
   */
  add(user: NewUser): ResultAsync<User, UniqueUserFieldTaken>;
  /**
   * Saves the profile of an existing user (username, email, password hash, bio, image), never its
   * role or lock: same uniqueness guarantee as `add`. Returns the user as stored.
   */
  updateProfile(profile: UserProfile): ResultAsync<User, UniqueUserFieldTaken>;
  /** Saves the user's role and who assigned it; needs the role policy's proof for that username. */
  saveRole(user: User, allowed: Authorized<'role:assign'>): Promise<void>;
  /** Saves the user's lock (or its removal); needs the account policy's proof for that username. */
  saveLock(user: User, allowed: Authorized<'account:lock'>): Promise<void>;
  /**
   * Erases the user and everything they made or hold: their articles (with the comments and
   * favorites on them), comments, favorites, follows both ways, sessions, jobs and idempotency
   * keys. Every counter stays exact (favorites of the articles they favorited, tags and days of
   * their articles). Needs the erasure policy's proof for that username.
   */
  erase(user: User, allowed: Authorized<'account:erase'>): Promise<void>;
}
