import { z } from '@hono/zod-openapi';
import {
  anyText,
  atLeastOneField,
  email,
  imageUrl,
  LIMITS,
  newPassword,
  notBlank,
  password,
  requiredText,
  stringField,
  username,
} from './fields.js';

/** Not trimmed: spaces are part of a password. */
const currentPassword = stringField().refine(notBlank, { error: "can't be blank", abort: true }).max(LIMITS.passwordMax);

// Unknown keys are ignored, never applied (see article.schemas.ts).
export const NewUserBody = z.object({ user: z.object({ username, email, password }) }).openapi('NewUserRequest');

export const LoginBody = z
  .object({
    user: z.object({
      email: requiredText(LIMITS.email),
      password: currentPassword,
    }),
  })
  .openapi('LoginUserRequest');

export const EraseUserBody = z
  .object({ user: z.object({ password: currentPassword.openapi({ description: 'The current password of the account.' }) }) })
  .openapi('DeleteUserRequest');

export const UpdateUserBody = z
  .object({
    user: atLeastOneField(
      z.object({
        username: username.optional(),
        email: email.optional(),
        password: newPassword.optional(),
        bio: anyText(LIMITS.bio).nullable().optional().openapi({ description: '"" or null clears it.' }),
        image: imageUrl.nullable().optional().openapi({ description: '"" or null clears it.' }),
      }),
    ),
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
