import type { ReadFloor } from '@conduit/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';
import { isDatabaseUnavailable } from '../database-errors.js';
import { type Database, kyselyOf } from '../kysely/database.js';
import { ReplicaRead } from '../kysely/replica-read.js';
import { type WalPosition, walPosition } from './wal-position.js';

/** A replica as MikroORM holds it: a named read connection with its own pool. */
export type ReplicaConnection = { readonly name: string; readonly db: Kysely<Database> };

export type ReplicaState = {
  readonly name: string;
  /** Answered its last check. */
  readonly up: boolean;
  /** How far behind the primary it may be, in ms (as of its last check; null before one succeeded). */
  readonly lagMs: number | null;
  /** Reads it served, and reads it failed (then served by the primary). */
  readonly reads: number;
  readonly failures: number;
};

export type ReplicaRouterOptions = {
  /** A replica further behind than this serves no read. */
  readonly maxLagMs: number;
  /** How often every replica is asked how far it has replayed. */
  readonly checkIntervalMs: number;
  /** A check that takes longer than this marks the replica down. */
  readonly checkTimeoutMs: number;
  readonly now?: () => number;
  readonly onChange?: (replica: ReplicaState) => void;
};

type Tracked = {
  readonly connection: ReplicaConnection;
  up: boolean;
  /** The replica's replay position at its last check. */
  replayed: WalPosition | null;
  /** Everything the primary committed before this time (ours) was replayed there. */
  replayedThroughAt: number | null;
  reads: number;
  failures: number;
};

/** A primary position and when we saw it: what maps a replica's replay position to a time. */
type PrimarySample = { readonly at: number; readonly position: WalPosition };

/**
 * Sends reads to read replicas that are close enough behind the primary and have replayed what the
 * reader must see, and everything else to the primary.
 *
 * Lag is measured, not trusted: every check reads the primary's current WAL position (kept with the
 * time it was read), then each replica's replay position. A replica has then replayed everything the
 * primary had committed at the time of the newest sample at or below its position: its lag is how
 * long ago that was, counted at the moment of the read, so a replica that stops answering checks
 * ages out by itself, and one whose replay is paused or whose link to the primary broke does too
 * (its position stops while the primary's moves).
 *
 * Read-your-writes is by position: a session's last write leaves the primary's position after its
 * commit on the session (see recordWritePositions); its reads go to a replica that has replayed that
 * far, which after the next check is any replica not lagging, and to the primary until then. A
 * request that wrote reads from the primary for the rest of the request.
 */
export class ReplicaRouter {
  private readonly replicas: Tracked[];
  private samples: PrimarySample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private next = 0;
  private readonly now: () => number;

  constructor(
    private readonly orm: MikroORM,
    connections: readonly ReplicaConnection[],
    private readonly options: ReplicaRouterOptions,
  ) {
    this.replicas = connections.map((connection) => ({
      connection,
      up: false,
      replayed: null,
      replayedThroughAt: null,
      reads: 0,
      failures: 0,
    }));
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.replicas.length;
  }

  /** Checks at once, then every interval; no replica serves a read before its first check. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** One round of checks (also what the interval runs); never rejects. */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  states(): ReplicaState[] {
    return this.replicas.map((replica) => this.stateOf(replica));
  }

  /**
   * Where a read goes: a replica that is up, within the lag bound and past `floor`, taken in turn;
   * else the primary (`em`).
   */
  target(em: EntityManager, floor: ReadFloor | undefined): EntityManager | ReplicaRead {
    if (floor?.kind === 'primary' || this.replicas.length === 0) return em;
    const now = this.now();
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[(this.next + tried) % this.replicas.length];
      if (replica === undefined || !this.serves(replica, now, floor)) continue;
      this.next = (this.next + tried + 1) % this.replicas.length;
      return new ReplicaRead(
        replica.connection.name,
        em,
        replica.connection.db,
        (error) => this.failed(replica, error),
        () => {
          replica.reads += 1;
        },
      );
    }
    return em;
  }

  private serves(replica: Tracked, now: number, floor: ReadFloor | undefined): boolean {
    if (!replica.up || replica.replayedThroughAt === null || replica.replayed === null) return false;
    if (now - replica.replayedThroughAt > this.options.maxLagMs) return false;
    return floor?.kind !== 'position' || replica.replayed >= floor.position;
  }

  /** A read that failed for want of the replica marks it down until a check finds it answering again. */
  private failed(replica: Tracked, error: unknown): boolean {
    if (!isReplicaUnavailable(error)) return false;
    replica.failures += 1;
    if (replica.up) {
      replica.up = false;
      this.options.onChange?.(this.stateOf(replica));
    }
    return true;
  }

  private stateOf(replica: Tracked): ReplicaState {
    const lagMs = replica.replayedThroughAt === null ? null : Math.max(0, this.now() - replica.replayedThroughAt);
    return { name: replica.connection.name, up: replica.up, lagMs, reads: replica.reads, failures: replica.failures };
  }

  private async checkAll(): Promise<void> {
    const primary = await this.withTimeout(kyselyOf(this.orm.em), positionStatement('pg_current_wal_lsn()')).catch(() => null);
    const now = this.now();
    if (primary !== null) {
      this.samples.push({ at: now, position: primary });
      // Samples older than the lag bound can no longer make a replica eligible; one is kept as the floor.
      const horizon = now - this.options.maxLagMs - this.options.checkIntervalMs;
      while ((this.samples[1]?.at ?? Number.POSITIVE_INFINITY) < horizon) this.samples.shift();
    }
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica)));
  }

  private async checkReplica(replica: Tracked): Promise<void> {
    const wasUp = replica.up;
    try {
      const replayed = await this.withTimeout(replica.connection.db, positionStatement('pg_last_wal_replay_lsn()'));
      replica.up = true;
      replica.replayed = replayed;
      // The newest primary position it has passed: it holds every commit made before we read that position.
      const passed = this.samples.filter((sample) => sample.position <= replayed).at(-1);
      if (passed !== undefined && (replica.replayedThroughAt === null || passed.at > replica.replayedThroughAt)) {
        replica.replayedThroughAt = passed.at;
      }
    } catch {
      replica.up = false;
    }
    if (replica.up !== wasUp) this.options.onChange?.(this.stateOf(replica));
  }

  private async withTimeout(db: Kysely<Database>, query: CompiledQuery): Promise<WalPosition> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('replica check timed out')), this.options.checkTimeoutMs);
    });
    try {
      const result = await Promise.race([db.executeQuery<{ position: string | null }>(query), timeout]);
      const text = result.rows[0]?.position;
      // A replica answers null when it is not in recovery: a promoted former replica is not one to read from.
      if (text === null || text === undefined) throw new Error('not a replica in recovery');
      return walPosition(text);
    } finally {
      clearTimeout(timer);
    }
  }
}

const positionStatement = (fn: 'pg_current_wal_lsn()' | 'pg_last_wal_replay_lsn()'): CompiledQuery =>
  CompiledQuery.raw(`select ${fn}::text as position`);

/** Replica failures a read survives by going to the primary: the replica is away, or replay cancelled the read. */
const isReplicaUnavailable = (error: unknown): boolean =>
  isDatabaseUnavailable(error) || (typeof error === 'object' && error !== null && Reflect.get(error, 'code') === '40001');
