import type { CommentId } from '../shared/ids.js';

export type CommentNotFound = { readonly type: 'CommentNotFound'; readonly id: CommentId };
export type CommentDeleteForbidden = { readonly type: 'CommentDeleteForbidden'; readonly id: CommentId };

export type CommentError = CommentNotFound | CommentDeleteForbidden;
