export type ArticleNotFound = { readonly type: 'ArticleNotFound'; readonly slug: string };
export type ArticleEditForbidden = { readonly type: 'ArticleEditForbidden'; readonly slug: string };
export type ArticleDeleteForbidden = { readonly type: 'ArticleDeleteForbidden'; readonly slug: string };
/** Raised by the store's unique constraint; the use case reacts by choosing another slug. */
export type SlugTaken = { readonly type: 'SlugTaken'; readonly slug: string };

export type ArticleError = ArticleNotFound | ArticleEditForbidden | ArticleDeleteForbidden;
/** Publishing under another user's name: only for that user, admins, and operators. */
export type PublishAsForbidden = { readonly type: 'PublishAsForbidden'; readonly username: string };
