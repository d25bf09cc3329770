import type { WorkProgress } from '@conduit/domain';
import { walPosition } from './wal-position.js';

/*
 * What one piece of work's reads must see, kept in the request scope's progress: the position of
 * its session's last write (its actor lookup reads it with the session), or, once the work itself
 * committed a write, the primary. Work outside any door shares the process's progress: its reads go
 * to any replica within the lag bound until it writes, then to the primary, so a command that
 * writes and reads back sees its write.
 */

/** The work runs in this session, whose last write (if one was recorded) its reads must see. */
export const sawSession = (progress: WorkProgress, sessionId: string, lastWrite: string | null): void => {
  progress.sessions.add(sessionId);
  if (lastWrite !== null && progress.readFloor?.kind !== 'primary') {
    progress.readFloor = { kind: 'position', position: walPosition(lastWrite) };
  }
};

/** The work committed a write: its reads go to the primary from now on. The sessions whose position to record. */
export const wrote = (progress: WorkProgress): readonly string[] => {
  progress.readFloor = { kind: 'primary' };
  return [...progress.sessions];
};
