import { errAsync, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { saveUnderFreeSlug } from './choose-slug.js';

const taken = { type: 'SlugTaken', slug: 'hello' } as const;
const notFound = { type: 'ArticleNotFound', slug: 'hello' } as const;

describe('saveUnderFreeSlug', () => {
  it('tries once more with a forced suffix when a concurrent writer took the slug', async () => {
    const attempts: boolean[] = [];
    const saved = await saveUnderFreeSlug((forceSuffix) => {
      attempts.push(forceSuffix);
      return forceSuffix ? okAsync('hello-x1y2') : errAsync(taken);
    });
    expect(saved._unsafeUnwrap()).toBe('hello-x1y2');
    expect(attempts).toEqual([false, true]);
  });

  it('passes other failures through untouched, without a second attempt', async () => {
    let attempts = 0;
    const saved = await saveUnderFreeSlug(() => {
      attempts++;
      return errAsync(notFound);
    });
    expect(saved._unsafeUnwrapErr()).toEqual(notFound);
    expect(attempts).toBe(1);
  });

  it('treats losing the race twice as a defect', async () => {
    await expect(saveUnderFreeSlug(() => errAsync(taken))).rejects.toThrow('No free slug found for "hello"');
  });
});
