import type { ArticlePosition } from '@conduit/app';
import { parseId } from '@conduit/domain';
import { stringField } from './fields.js';

/*
 * A page cursor is an article's position (creation time in ms, id) in base64url, behind a version
 * tag so the format can change while old cursors still get a clear answer. Opaque to clients: they
 * follow `next` rather than build one. It names no user and grants nothing, so it is not signed.
 */
const FORMAT = /^p1:(\d{1,16}):(\d{1,10})$/;
/** The latest time a JavaScript Date holds (ms). */
const MAX_TIME = 8.64e15;

export const encodeCursor = (position: ArticlePosition): string =>
  Buffer.from(`p1:${position.createdAt.getTime()}:${position.id}`).toString('base64url');

export const decodeCursor = (text: string): ArticlePosition | null => {
  const match = FORMAT.exec(Buffer.from(text, 'base64url').toString('latin1'));
  if (match === null) return null;
  const time = Number(match[1]);
  const id = parseId(match[2] ?? '');
  return time <= MAX_TIME && id !== null ? { createdAt: new Date(time), id } : null;
};

export const NOT_A_CURSOR = 'is not a cursor this server gave (follow `next`)';

/** `?cursor=`: where a page starts, from a previous page's `next`; empty means from the top. */
export const cursorQuery = stringField()
  .max(64, NOT_A_CURSOR)
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === '') return undefined;
    const position = decodeCursor(text);
    if (position === null) ctx.addIssue({ code: 'custom', message: NOT_A_CURSOR });
    return position ?? undefined;
  })
  .openapi({
    type: 'string',
    description:
      "Start after this position: the `cursor` of a previous page's `next` URL. A page from a cursor costs the same at any depth and does not shift when articles are added; `offset` then counts from the cursor.",
    example: 'cDE6MTc2NDYzMzYwMDAwMDo0Mg',
  });
