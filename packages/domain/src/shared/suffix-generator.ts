/** Short random suffixes, used to make a slug unique when its title is already taken. */
export interface SuffixGenerator {
  next(): string;
}
