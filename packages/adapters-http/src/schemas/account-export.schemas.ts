import { z } from '@hono/zod-openapi';

const timestamp = z.iso.datetime();

/** The document an account export produces (GET /api/jobs/{jobId}/result). */
export const AccountExportDocument = z
  .object({
    exportedAt: timestamp,
    user: z.object({ username: z.string(), email: z.string(), bio: z.string().nullable(), image: z.string().nullable() }),
    articles: z.array(
      z.object({ title: z.string(), description: z.string(), body: z.string(), tagList: z.array(z.string()), createdAt: timestamp }),
    ),
    comments: z.array(
      z.object({
        id: z.number().int(),
        article: z.string().openapi({ description: "The article's slug." }),
        body: z.string(),
        createdAt: timestamp,
      }),
    ),
    favorites: z.array(z.string()).openapi({ description: 'Slugs of the articles you favorited.' }),
    following: z.array(z.string()).openapi({ description: 'Usernames you follow.' }),
  })
  .openapi('AccountExport');
