import { z } from '@hono/zod-openapi';
import { anyText, email, imageUrl, LIMITS, password, requiredText, stringField, username } from './fields.js';

export const NewUserBody = z
  .strictObject({ user: z.strictObject({ username, email, password }) })
  .openapi('NewUserRequest');

export const LoginBody = z
  .strictObject({
    user: z.strictObject({
      email: requiredText(LIMITS.email),
      // Not trimmed: spaces are part of a password.
      password: stringField().min(1, { error: "can't be blank", abort: true }).max(LIMITS.passwordMax),
    }),
  })
  .openapi('LoginUserRequest');

export const UpdateUserBody = z
  .strictObject({
    user: z.strictObject({
      username: username.optional(),
      email: email.optional(),
      password: z
        .union([z.literal(''), password])
        .optional()
        .openapi({ description: '"" leaves the password unchanged.' }),
      bio: anyText(LIMITS.bio).nullable().optional().openapi({ description: '"" or null clears it.' }),
      image: imageUrl.nullable().optional().openapi({ description: '"" or null clears it.' }),
      // Settings forms send the whole user object back, token included; it is read-only and ignored.
      token: z.string().max(4096).optional().openapi({ description: 'Ignored.' }),
    }),
  })
  .openapi('UpdateUserRequest');

export const UserResponse = z
  .object({
    user: z.object({
      email: z.string(),
      token: z.string(),
      username: z.string(),
      bio: z.string().nullable(),
      image: z.string().nullable(),
    }),
  })
  .openapi('UserResponse');
