import { type SlugTaken, type SuffixGenerator, withSuffix } from '@conduit/domain';
import { err, errAsync, type Result, type ResultAsync } from 'neverthrow';

/**
 * The slug to save under: the wanted one as is, or after SlugTaken (`forceSuffix`) the same with a
 * random suffix. Nothing asks first whether the wanted slug is free: the save itself says so (the
 * insert skips a taken slug, the update's unique constraint refuses it), which costs a second save
 * only when the slug is taken, instead of a question on every save.
 */
export const slugToTry = (suffixes: SuffixGenerator, wanted: string, forceSuffix: boolean): string =>
  forceSuffix ? withSuffix(wanted, suffixes.next()) : wanted;

/**
 * A save under a taken slug (an article of the same title, or a concurrent writer's) is tried once
 * more with a random suffix, which cannot collide in practice (a second loss is a defect).
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
