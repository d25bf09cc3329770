import { describe, expect, it } from 'vitest';
import { startSession, UNKNOWN_ORIGIN } from '../sessions/session.js';
import { userActor } from '../shared/actor.js';
import { parseSessionId } from '../shared/ids.js';
import { authorizedForTest } from './authorized.js';

import type { ContractContext } from './contract-context.js';

const at = (iso: string) => new Date(iso);

export const describeSessionContracts = (contract: ContractContext) => {
  describe('SessionRepository', () => {
    const hour = 3600;
    const origin = { userAgent: 'Browser/1', address: '192.0.2.1' };

    it('stores sessions under fresh random ids and lists the live ones of a user, most recently seen first', async () => {
      const user = await contract.addUser();
      const other = await contract.addUser();
      const older = await contract.fx.repositories.sessions.add(startSession(user.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
      const newer = await contract.fx.repositories.sessions.add(
        startSession(user.id, UNKNOWN_ORIGIN, at('2026-03-01T10:30:00.000Z'), hour),
      );
      await contract.fx.repositories.sessions.add(startSession(other.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
      expect(parseSessionId(older.id)).toBe(older.id);
      expect(older.id).not.toBe(newer.id);
      expect(older).toEqual({
        id: older.id,
        userId: user.id,
        createdAt: at('2026-03-01T10:00:00.000Z'),
        lastSeenAt: at('2026-03-01T10:00:00.000Z'),
        expiresAt: at('2026-03-01T11:00:00.000Z'),
        ...origin,
      });
      expect(await contract.fx.repositories.sessions.listLive(user.id, at('2026-03-01T10:45:00.000Z'))).toEqual([newer, older]);
      await contract.fx.repositories.sessions.touch(older.id, at('2026-03-01T10:50:00.000Z'));
      const listed = await contract.fx.repositories.sessions.listLive(user.id, at('2026-03-01T10:55:00.000Z'));
      expect(listed.map((session) => session.id)).toEqual([older.id, newer.id]);
      expect(listed[0]?.lastSeenAt).toEqual(at('2026-03-01T10:50:00.000Z'));
      // Expiry is exclusive: at its expiry a session is no longer live.
      expect((await contract.fx.repositories.sessions.listLive(user.id, at('2026-03-01T11:00:00.000Z'))).map((s) => s.id)).toEqual([
        newer.id,
      ]);
    });

    it('ends one session of its own user only, or all but one, or all', async () => {
      const user = await contract.addUser();
      const other = await contract.addUser();
      const now = at('2026-03-01T10:00:00.000Z');
      const [a, b, c] = [
        await contract.fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
        await contract.fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
        await contract.fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
      ];
      const theirs = await contract.fx.repositories.sessions.add(startSession(other.id, origin, now, hour));
      expect(await contract.fx.repositories.sessions.end(user.id, theirs.id)).toBe(false);
      expect(await contract.fx.repositories.sessions.end(user.id, a!.id)).toBe(true);
      expect(await contract.fx.repositories.sessions.end(user.id, a!.id)).toBe(false);
      expect(await contract.fx.repositories.sessions.endOwn(userActor(user.id, 'user', b!.id), b!.id)).toBe(1);
      expect((await contract.fx.repositories.sessions.listLive(user.id, now)).map((s) => s.id)).toEqual([b!.id]);
      expect(c).toBeDefined();
      // A proof for another user ends nothing: a defect in the use case, caught at once.
      await expect(contract.fx.repositories.sessions.endAll(user, authorizedForTest('session:end-all', other.username))).rejects.toThrow(
        /session:end-all on/,
      );
      expect(await contract.fx.repositories.sessions.endAll(user, authorizedForTest('session:end-all', user.username))).toBe(1);
      expect(await contract.fx.repositories.sessions.listLive(user.id, now)).toEqual([]);
      expect(await contract.fx.repositories.sessions.listLive(other.id, now)).toEqual([theirs]);
    });

    it('forgets expired sessions, at most `limit` at a time, and no live one', async () => {
      const user = await contract.addUser();
      for (const minute of [0, 1, 2]) {
        await contract.fx.repositories.sessions.add(startSession(user.id, origin, at(`2026-03-01T10:0${minute}:00.000Z`), 60));
      }
      const live = await contract.fx.repositories.sessions.add(startSession(user.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
      const now = at('2026-03-01T10:30:00.000Z');
      expect(await contract.fx.repositories.sessions.forgetExpired(now, 2)).toBe(2);
      expect(await contract.fx.repositories.sessions.forgetExpired(now, 2)).toBe(1);
      expect(await contract.fx.repositories.sessions.forgetExpired(now, 2)).toBe(0);
      expect(await contract.fx.repositories.sessions.listLive(user.id, now)).toEqual([live]);
    });
  });
};
