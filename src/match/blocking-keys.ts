import type { PersonValues } from '../normalize/person-values.js';
import { cleanText, foldKey } from '../normalize/vietnamese-text.js';

export interface BlockingKeys {
  /** Folded full name (no diacritics, lower case): "Nguyen Van Hung" meets "Nguyễn Văn Hùng". */
  name_fold: string | null;
  /** Folded given name, with the birth year the registry's given-name + date candidates come from. */
  given_fold: string | null;
  birth_year: string | null;
}

/**
 * The keys stored on every registry person so that matching fetches candidates through indexes (same personal or
 * old ID, same folded name, same given name and birth year, same household book), never all pairs.
 *
 * @example
 * blockingKeys(values) // { name_fold: 'lo van panh', given_fold: 'panh', birth_year: '1968' }
 */
export function blockingKeys(values: Pick<PersonValues, 'full_name' | 'family_name' | 'middle_name' | 'given_name' | 'birth_date'>): BlockingKeys {
  // The same folds the matching engine's name comparison uses (vn-name-comparison nameFeatures), without its tone key.
  const fold = foldKey(cleanText(values.full_name ?? '').toLowerCase());
  const given = values.given_name ? foldKey(values.given_name) : fold.split(' ').pop() ?? '';
  const year = values.birth_date?.slice(0, 4) ?? null;
  return { name_fold: fold || null, given_fold: fold ? given || null : null, birth_year: year && /^\d{4}$/.test(year) ? year : null };
}
