import type { Authorized } from '../shared/authorized.js';
import type { FlagChange, FlagSetting } from './flag.js';

/** A recorded change: what was asked, by whom, when. `state` null: set back to its default. */
export type FlagChangeRecord = FlagChange & { readonly changedBy: string; readonly changedAt: Date };

/** The current publication's flag settings, and the record of every change to them. */
export interface FlagRepository {
  settings(): Promise<FlagSetting[]>;
  /**
   * Applies the change (sets the flag, or removes its setting) and records it, together; every
   * process hears of it when the change commits.
   */
  change(change: FlagChangeRecord, allowed: Authorized<'flag:change'>): Promise<void>;
  /** The latest changes first, at most `limit`. */
  history(limit: number, allowed: Authorized<'flag:read'>): Promise<FlagChangeRecord[]>;
}
