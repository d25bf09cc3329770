import { describe, expect, it } from 'vitest';
import { checkImportItem } from './import-item.js';

const article = { title: 'Title', description: 'About', body: 'Text', tagList: ['b', 'a'] };

describe('an import item, by the rules', () => {
  it('is a checked draft and the author it names, beside the article or in it', () => {
    const plain = checkImportItem({ article })._unsafeUnwrap();
    expect(plain.author).toBeUndefined();
    expect(plain.draft).toMatchObject({ title: 'Title', tagList: ['b', 'a'] });
    expect(checkImportItem({ article, author: 'jake' })._unsafeUnwrap().author).toBe('jake');
    expect(checkImportItem({ article: { ...article, author: 'ann' } })._unsafeUnwrap().author).toBe('ann');
  });

  it("is refused with every problem under its field: no article, the article's rules, an author that is no name", () => {
    expect(checkImportItem({})._unsafeUnwrapErr()).toEqual({ article: ["can't be blank"] });
    expect(checkImportItem(7)._unsafeUnwrapErr()).toEqual({ article: ["can't be blank"] });
    expect(checkImportItem({ article: { ...article, title: '   ' }, author: 7 })._unsafeUnwrapErr()).toEqual({
      title: ["can't be blank"],
      author: ['must be a string'],
    });
    expect(checkImportItem({ article: { ...article, body: 'x'.repeat(100_001) } })._unsafeUnwrapErr()).toEqual({
      body: ['is too long (maximum is 100000 characters)'],
    });
  });
});
