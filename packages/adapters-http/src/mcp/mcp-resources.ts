import type { Context, UseCases } from '@conduit/app';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { presentProfileResponse } from '../presenters/profile.presenter.js';
import { slugParam, usernameParam } from '../schemas/fields.js';
import { answer, type ToolOutcome } from './mcp-tool.js';

const JSON_MEDIA_TYPE = 'application/json';

/** Resources an agent may attach as context: the same JSON as the HTTP reads, addressed by URI. */
export const resourceTemplates = [
  {
    uriTemplate: 'conduit://articles/{slug}',
    name: 'article',
    title: 'Article',
    description: 'One article by its slug, with its body (as GET /api/articles/{slug}).',
    mimeType: JSON_MEDIA_TYPE,
  },
  {
    uriTemplate: 'conduit://profiles/{username}',
    name: 'profile',
    title: 'Profile',
    description: "A user's public profile (as GET /api/profiles/{username}).",
    mimeType: JSON_MEDIA_TYPE,
  },
];

export const TAGS_URI = 'conduit://tags';

export const fixedResources = [
  {
    uri: TAGS_URI,
    name: 'tags',
    title: 'Tags',
    description: 'Every tag in use, most used first (as GET /api/tags).',
    mimeType: JSON_MEDIA_TYPE,
  },
];

/** A path segment of a resource URI: what the template's variable stands for, decoded. */
const segment = (uri: string, prefix: string): string | null => {
  if (!uri.startsWith(prefix)) return null;
  const rest = uri.slice(prefix.length);
  if (rest === '' || rest.includes('/') || rest.includes('?') || rest.includes('#')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
};

/** The resource's JSON, its problem (not found), or null for a URI that names no resource. */
export const readResource = async (useCases: UseCases, ctx: Context, uri: string): Promise<ToolOutcome | null> => {
  if (uri === TAGS_URI) return answer(await useCases.listTags(), (tags) => ({ tags }));
  // A name HTTP would refuse (too long, unstorable text) names no resource.
  const article = slugParam.safeParse({ slug: segment(uri, 'conduit://articles/') });
  if (article.success) return answer(await useCases.getArticle(ctx, article.data.slug), presentSingleArticle);
  const profile = usernameParam.safeParse({ username: segment(uri, 'conduit://profiles/') });
  if (profile.success) return answer(await useCases.getProfile(ctx, profile.data.username), presentProfileResponse);
  return null;
};

export const RESOURCE_MEDIA_TYPE = JSON_MEDIA_TYPE;
