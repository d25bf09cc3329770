/** A small, fast, seedable generator (mulberry32): the same seed gives the same demo data. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const ADJECTIVES = ['Quiet', 'Practical', 'Hidden', 'Modern', 'Gentle', 'Curious', 'Early', 'Honest', 'Small', 'Patient'];
const NOUNS = ['dragons', 'gardens', 'compilers', 'rivers', 'kitchens', 'databases', 'maps', 'engines', 'letters', 'forests'];
const WORDS =
  'the a of and to in is it that for on with as was at by this be from or have an they which one you were all we can her has there been if more when will would who so no'.split(
    ' ',
  );
/** Tags with a long tail: the first few are on many articles, the rest on few. */
const TAGS = Array.from(
  { length: 40 },
  (_, i) => ['dragons', 'training', 'cooking', 'rust', 'postgres', 'travel', 'design', 'music'][i] ?? `topic${i}`,
);

export type DemoArticle = { title: string; description: string; body: string; tagList: string[] };

/** The k-th demo article (titles unique by k, so no slug needs a suffix). */
export const demoArticle = (random: () => number, k: number): DemoArticle => {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => Array.from({ length: 4 }, sentence).join(' '));
  const tagCount = 1 + Math.floor(random() * 3);
  const tags = new Set<string>();
  while (tags.size < tagCount) tags.add(TAGS[Math.floor(random() ** 2 * TAGS.length)] as string);
  return {
    title: `${pick(ADJECTIVES)} ${pick(NOUNS)} ${k}`,
    description: sentence(),
    body: paragraphs.join('\n\n'),
    tagList: [...tags],
  };
};
