import { type ArticleRepository, type SuffixGenerator, withSuffix } from '@conduit/domain';

/** The wanted slug when it is free, otherwise the same slug with a random suffix. */
export const chooseFreeSlug = async (
  articles: ArticleRepository,
  suffixes: SuffixGenerator,
  wanted: string,
): Promise<string> => ((await articles.slugExists(wanted)) ? withSuffix(wanted, suffixes.next()) : wanted);
