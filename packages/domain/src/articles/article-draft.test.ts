import { describe, expect, it } from 'vitest';
import { ARTICLE_LIMITS, checkArticleDraft } from './article-draft.js';

describe('checkArticleDraft', () => {
  it('gives the draft, trimmed, with tags as given (normalized later by newArticle)', () => {
    const checked = checkArticleDraft({ title: ' Hello ', description: 'd', body: 'b', tagList: [' x ', 'y'], slug: 'ignored' });
    expect(checked._unsafeUnwrap()).toEqual({ title: 'Hello', description: 'd', body: 'b', tagList: ['x', 'y'] });
    expect(checkArticleDraft({ title: 't', description: 'd', body: 'b' })._unsafeUnwrap().tagList).toEqual([]);
  });

  it('reports every problem under its field, in the words of a 422', () => {
    expect(
      checkArticleDraft({ title: '   ', description: 7, body: 'x'.repeat(ARTICLE_LIMITS.body + 1), tagList: 'a,b' })._unsafeUnwrapErr(),
    ).toEqual({
      title: ["can't be blank"],
      description: ['must be a string'],
      body: [`is too long (maximum is ${ARTICLE_LIMITS.body} characters)`],
      tagList: ['must be a list of strings'],
    });
    expect(checkArticleDraft(null)._unsafeUnwrapErr()).toEqual({
      title: ["can't be blank"],
      description: ["can't be blank"],
      body: ["can't be blank"],
    });
    expect(checkArticleDraft({ title: 'a\u0000b', description: 'd', body: 'b', tagList: [''] })._unsafeUnwrapErr()).toEqual({
      title: ['contains a character that cannot be stored'],
      tagList: ["can't be blank"],
    });
    expect(
      checkArticleDraft({
        title: 't',
        description: 'd',
        body: 'b',
        tagList: Array.from({ length: 21 }, (_, i) => `t${i}`),
      })._unsafeUnwrapErr(),
    ).toEqual({ tagList: ['has too many tags (maximum is 20)'] });
  });
});
