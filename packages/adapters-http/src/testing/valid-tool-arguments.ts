/** What a walk over every tool knows of the state it made: an article, its comment, a user, a job. */
export type ToolTargets = { readonly slug: string; readonly id: number; readonly username: string; readonly jobId: string };

/**
 * Arguments each MCP tool accepts, by tool name, as VALID_BODIES is for HTTP operations: tests that
 * walk every tool vary only the caller and the state.
 */
export const validToolArguments = ({ slug, id, username, jobId }: ToolTargets): Readonly<Record<string, Record<string, unknown>>> => ({
  list_articles: { limit: 5 },
  get_article: { slug },
  get_feed: {},
  create_article: { article: { title: 'Walk', description: 'd', body: 'b', tagList: ['walk'] } },
  update_article: { slug, article: { body: 'edited' } },
  delete_article: { slug },
  favorite_article: { slug },
  unfavorite_article: { slug },
  add_comment: { slug, comment: { body: 'hello' } },
  delete_comment: { slug, id },
  get_profile: { username },
  follow_user: { username },
  unfollow_user: { username },
  get_current_user: {},
  update_current_user: { user: { bio: 'updated' } },
  list_tags: {},
  start_article_import: { articles: [{ title: 'Imported', description: 'd', body: 'b' }] },
  get_job: { jobId },
});
