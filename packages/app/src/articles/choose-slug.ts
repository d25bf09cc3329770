import { type ArticleRepository, type SlugTaken, type SuffixGenerator, withSuffix } from '@conduit/domain';
import { err, errAsync, type Result, type ResultAsync } from 'neverthrow';

/**
 * The slug to save under: the wanted one when it is free, otherwise (or when `forceSuffix`, after a
 * lost race) the same slug with a random suffix.
 */
export const chooseSlug = async (
  articles: ArticleRepository,
  suffixes: SuffixGenerator,
  wanted: string,
  forceSuffix: boolean,
): Promise<string> => (forceSuffix || (await articles.slugExists(wanted)) ? withSuffix(wanted, suffixes.next()) : wanted);

/**
 * A concurrent writer can take a free slug between the check and the write: the save is then tried
 * once more with a random suffix, which cannot collide in practice (a second loss is a defect).
 */
export const saveUnderFreeSlug = <T, E extends { readonly type: string }>(
  save: (forceSuffix: boolean) => ResultAsync<T, E | SlugTaken>,
): ResultAsync<T, Exclude<E, SlugTaken>> =>
  save(false)
    .orElse((error): ResultAsync<T, E | SlugTaken> => (error.type === 'SlugTaken' ? save(true) : errAsync(error)))
    .orElse((error): Result<T, Exclude<E, SlugTaken>> => {
      if (error.type === 'SlugTaken') throw new Error(`No free slug found for "${(error as SlugTaken).slug}"`);
      return err(error as Exclude<E, SlugTaken>);
    });
