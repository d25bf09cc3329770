import { describe, expect, it } from 'vitest';
import { userId } from '../shared/ids.js';
import { authorizedForTest } from '../testing/authorized.js';
import { aNewArticle, anArticleDraft, articleChanges } from '../testing/builders.js';
import { editArticle, normalizeTags, slugify, withSuffix } from './article.js';

describe('slugify', () => {
  it.each([
    ['How to train your dragon', 'how-to-train-your-dragon'],
    ['  Ünïcödé   and   spaces!  ', 'unicode-and-spaces'],
    ['C++ & Rust: 2026?', 'c-rust-2026'],
    ['火龍', 'article'],
    ['---', 'article'],
  ])('%j -> %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('bounds the length and never ends in a dash', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('appends a suffix', () => {
    expect(withSuffix('title', 'x1')).toBe('title-x1');
  });
});

describe('normalizeTags', () => {
  it('sorts alphabetically, trims and drops duplicates and blanks', () => {
    expect(normalizeTags(['training', ' dragons ', 'training', ''])).toEqual(['dragons', 'training']);
  });
});

describe('articles', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');
  const later = new Date('2026-01-02T00:00:00.000Z');
  const article = {
    ...aNewArticle(anArticleDraft({ title: 'First title', description: 'd', body: 'b', tagList: ['b', 'a'] }), userId(1), now),
    id: 1 as never,
  };

  it('are created with a slug, sorted tags and equal timestamps', () => {
    expect(article).toMatchObject({ slug: 'first-title', tagList: ['a', 'b'], createdAt: now, updatedAt: now });
  });

  it('keep omitted fields and their slug when the title is unchanged', () => {
    const edited = editArticle(article, articleChanges({ body: 'new body' }), later, authorizedForTest('article:edit', article.id));
    expect(edited).toEqual({ ...article, body: 'new body', updatedAt: later });
  });

  it('follow a new title with a new slug; [] removes every tag', () => {
    const edited = editArticle(
      article,
      articleChanges({ title: 'Second title', tagList: [] }),
      later,
      authorizedForTest('article:edit', article.id),
    );
    expect(edited.slug).toBe('second-title');
    expect(edited.tagList).toEqual([]);
    expect(edited.createdAt).toEqual(now);
  });
});
