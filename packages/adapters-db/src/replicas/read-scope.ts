import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReadFloor } from './replica-router.js';
import { walPosition } from './wal-position.js';

type ReadState = { floor?: ReadFloor; readonly sessions: Set<string> };

/**
 * What one request's reads must see, kept across its awaits: the position of its session's last
 * write (its actor lookup reads it with the session), or, once the request itself committed a write,
 * the primary. Work outside any request (a command, a job worker) shares one state for the process:
 * its reads go to any replica within the lag bound until it writes, then to the primary, so a
 * command that writes and reads back sees its write.
 */
export class ReadScope {
  private readonly storage = new AsyncLocalStorage<ReadState>();
  private readonly outside: ReadState = { sessions: new Set() };

  /** Runs a request in a scope of its own (the HTTP layer enters it with the request's other scopes). */
  run<T>(work: () => T): T {
    return this.storage.run({ sessions: new Set() }, work);
  }

  readonly floor = (): ReadFloor | undefined => this.state().floor;

  /** The request runs in this session, whose last write (if one was recorded) its reads must see. */
  readonly sawSession = (sessionId: string, lastWrite: string | null): void => {
    const state = this.state();
    state.sessions.add(sessionId);
    if (lastWrite !== null && state.floor?.kind !== 'primary') state.floor = { kind: 'position', position: walPosition(lastWrite) };
  };

  /** The request started this session (signing up or in): its next requests must see what this one wrote. */
  readonly startedSession = (sessionId: string): void => {
    this.state().sessions.add(sessionId);
  };

  /** The request committed a write: its reads go to the primary from now on. The sessions whose position to record. */
  readonly wrote = (): readonly string[] => {
    const state = this.state();
    state.floor = { kind: 'primary' };
    return [...state.sessions];
  };

  private state(): ReadState {
    return this.storage.getStore() ?? this.outside;
  }
}
