import { z } from '@hono/zod-openapi';
import { cursorQuery } from './article-cursor.js';
import { atLeastOneField, LIMITS, pageQuery, requiredText, stringField, tagList } from './fields.js';
import { ProfileJson } from './profile.schemas.js';

const timestamp = z.iso.datetime().openapi({ example: '2026-11-24T08:30:00.000Z' });

const articleFields = {
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  tagList: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  favorited: z.boolean(),
  favoritesCount: z.number().int(),
  author: ProfileJson,
};

export const ArticleListItem = z.object(articleFields).openapi('ArticleListItem');
export const ArticleJson = z.object({ ...articleFields, body: z.string() }).openapi('Article');

export const SingleArticleResponse = z.object({ article: ArticleJson }).openapi('SingleArticleResponse');
export const MultipleArticlesResponse = z
  .object({
    articles: z.array(ArticleListItem),
    articlesCount: z.number().int(),
    next: z.string().nullable().openapi({
      description:
        'The URL of the following page (the same filters and limit, with a `cursor`), also sent as `Link: <…>; rel="next"`; null on the last page. Following it costs the same at any depth, and no article is skipped or repeated while articles are added.',
      example: '/api/articles?limit=20&cursor=cDE6MTc2NDYzMzYwMDAwMDo0Mg',
    }),
  })
  .openapi('MultipleArticlesResponse');

/*
 * Request bodies ignore keys they do not know (never applied, never an error): editors send the
 * whole article back, slug, author and counts included. Fields are mapped one by one to commands.
 */
export const NewArticleBody = z
  .object({
    article: z.object({
      title: requiredText(LIMITS.title).openapi({ example: 'How to train your dragon' }),
      description: requiredText(LIMITS.description).openapi({ example: 'Ever wonder how?' }),
      body: requiredText(LIMITS.body).openapi({ example: 'You have to believe' }),
      tagList: tagList.optional(),
    }),
  })
  .openapi('NewArticleRequest');

export const UpdateArticleBody = z
  .object({
    article: atLeastOneField(
      z.object({
        title: requiredText(LIMITS.title).optional(),
        description: requiredText(LIMITS.description).optional(),
        body: requiredText(LIMITS.body).optional(),
        tagList: tagList.optional().openapi({ description: '[] removes every tag; omitted keeps them.' }),
      }),
    ),
  })
  .openapi('UpdateArticleRequest');

/** An empty value (`?tag=`), as some clients send for an unset filter, means no filter. */
const filterText = (description: string) =>
  stringField()
    .max(LIMITS.slug)
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .openapi({ description });

// Unknown query parameters (cache busters, tracking) are ignored, as by any web server.
export const ListArticlesQueryParams = z.object({
  tag: filterText('Only articles with this tag.'),
  author: filterText('Only articles by this username.'),
  favorited: filterText('Only articles favorited by this username.'),
  ...pageQuery,
  cursor: cursorQuery,
});

export const FeedQueryParams = z.object({ ...pageQuery, cursor: cursorQuery });
