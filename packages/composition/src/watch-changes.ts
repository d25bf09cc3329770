import { ChangeAnnouncements, FLAG_CHANGES_CHANNEL, TENANT_CHANGES_CHANNEL } from '@conduit/adapters-db';
import type { FlagBook, TenantDirectory } from '@conduit/app';
import { tenantId } from '@conduit/domain';
import type { Logger } from './logger.js';

/**
 * A long-running process hears every change of the tenants and of a publication's flags at its
 * commit, whoever made it (the CLI, an admin's route, another server), on one LISTEN connection:
 * the directory and the flag book read again before the next request. An announcement missed while
 * the connection was down reads everything again.
 */
export const watchChanges = async (
  url: string,
  deps: { readonly directory: TenantDirectory; readonly flags: FlagBook; readonly logger: Logger; readonly isStopping: () => boolean },
): Promise<ChangeAnnouncements> => {
  const { directory, flags, logger, isStopping } = deps;
  const changes = new ChangeAnnouncements(url, [TENANT_CHANGES_CHANNEL, FLAG_CHANGES_CHANNEL], {
    onError: (error: Error) =>
      isStopping()
        ? logger.debug({ err: error }, 'change announcements: listening connection closed while stopping')
        : logger.warn({ err: error }, 'change announcements: listening connection lost; listening again'),
  });
  await changes.listen((announced) => {
    if ('missed' in announced) {
      directory.changed();
      flags.changed();
    } else if (announced.channel === TENANT_CHANGES_CHANNEL) directory.changed();
    else if (announced.channel === FLAG_CHANGES_CHANNEL) flags.changed(tenantId(Number(announced.payload)));
  });
  return changes;
};
