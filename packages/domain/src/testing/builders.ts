import type { ArticleDraft } from '../articles/article.js';
import type { NewUser } from '../users/user.js';

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

/** A valid new user; each call is unique unless overridden. */
export const aNewUser = (overrides: Partial<NewUser> = {}): NewUser => {
  const n = next();
  return {
    username: `user${n}`,
    email: `user${n}@example.com`,
    passwordHash: 'hash',
    bio: null,
    image: null,
    role: 'user',
    roleAssignment: null,
    ...overrides,
  };
};

export const anArticleDraft = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => {
  const n = next();
  return { title: `Article ${n}`, description: `About ${n}`, body: `Body ${n}`, tagList: [], ...overrides };
};
