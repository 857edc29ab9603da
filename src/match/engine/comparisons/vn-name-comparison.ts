import type { PersonValues } from '../../../normalize/person-values.js';
import { cleanText, foldKey, toneKey } from '../../../normalize/vietnamese-text.js';
import { label, type Comparison } from '../comparison.js';
import { jaroWinkler } from '../text-similarity.js';
import { nullLevel } from './text-comparison.js';

export type NameFields = Pick<PersonValues, 'full_name' | 'family_name' | 'middle_name' | 'given_name'>;

export interface NameFeatures {
  exact: string;
  tone: string;
  fold: string;
  family: string;
  /** Family name with weak equivalents mapped together (huynh → hoang, vo → vu). */
  familyClass: string;
  middle: string;
  given: string;
}

/**
 * Surname pairs that are one name in two regional spellings (Hoàng/Huỳnh from a naming taboo, Vũ/Võ north/south):
 * weak evidence, weaker than the same spelling.
 */
const FAMILY_EQUIVALENTS: Readonly<Record<string, string>> = { huynh: 'hoang', vo: 'vu' };

/**
 * The folded family names of a class: a record of class `hoang` may be written Hoàng or Huỳnh.
 *
 * @example
 * familiesOfClass('hoang'); // ['hoang', 'huynh']
 */
export function familiesOfClass(familyClass: string): string[] {
  return [familyClass, ...Object.keys(FAMILY_EQUIVALENTS).filter((f) => FAMILY_EQUIVALENTS[f] === familyClass && f !== familyClass)];
}

/**
 * Vietnamese full-name comparison, family / middle / given aware.
 * Levels: null; exact; tone placement only; equal without diacritics; surname variant (Hoàng/Huỳnh, Vũ/Võ) with the
 * rest equal; same family and given name but middle name differs or missing; Jaro–Winkler ≥ 0.92; ≥ 0.85;
 * same given name only; else. Agreement is term-frequency adjusted on the folded full name.
 *
 * @example
 * // 'Nguyễn Văn Hùng' vs 'Nguyen Van Hung' → level 'fold'; 'Hoàng Thị Lan' vs 'Huỳnh Thị Lan' → 'family_variant'
 */
export function vnNameComparison(): Comparison<NameFields, NameFeatures | null> {
  const f = label('họ tên', 'name');
  // The two Jaro–Winkler levels test the same pair one after the other: the second reuses the first's value.
  let lastA: NameFeatures | null = null;
  let lastB: NameFeatures | null = null;
  let lastJw = 0;
  const jw = (a: NameFeatures, b: NameFeatures): number => {
    if (a !== lastA || b !== lastB) {
      lastA = a;
      lastB = b;
      lastJw = jaroWinkler(a.fold, b.fold);
    }
    return lastJw;
  };
  return {
    name: 'name',
    label: f,
    prepare: nameFeatures,
    tfValue: (x) => x?.fold ?? null,
    levels: [
      nullLevel(f),
      { key: 'exact', label: label('họ tên giống hệt', 'same name'), tf: true, m: 0.75, u: 0.0005, test: (a, b) => a!.exact === b!.exact },
      { key: 'tone', label: label('họ tên giống, khác cách đặt dấu', 'same name, tone placement differs'), tf: true, m: 0.05, u: 0.00005, test: (a, b) => a!.tone === b!.tone },
      { key: 'fold', label: label('họ tên giống khi bỏ dấu', 'same name without diacritics'), tf: true, m: 0.08, u: 0.0001, test: (a, b) => a!.fold === b!.fold },
      {
        key: 'family_variant',
        label: label('họ tương đương (Hoàng/Huỳnh, Vũ/Võ), tên đệm và tên giống', 'surname variant (Hoàng/Huỳnh, Vũ/Võ), rest equal'),
        m: 0.02,
        u: 0.00003,
        test: (a, b) => a!.familyClass === b!.familyClass && a!.middle === b!.middle && a!.given === b!.given,
      },
      {
        key: 'middle_differs',
        label: label('cùng họ và tên, khác tên đệm', 'same family and given name, middle name differs'),
        m: 0.03,
        u: 0.002,
        test: (a, b) => a!.familyClass === b!.familyClass && a!.given === b!.given,
      },
      { key: 'jw92', label: label('họ tên gần giống (≥ 0,92)', 'name similar (JW ≥ 0.92)'), m: 0.04, u: 0.002, test: (a, b) => jw(a!, b!) >= 0.92 },
      { key: 'jw85', label: label('họ tên hơi giống (≥ 0,85)', 'name somewhat similar (JW ≥ 0.85)'), m: 0.02, u: 0.01, test: (a, b) => jw(a!, b!) >= 0.85 },
      { key: 'given_only', label: label('cùng tên, khác họ', 'same given name only'), m: 0.005, u: 0.02, test: (a, b) => a!.given === b!.given },
      { key: 'else', label: label('họ tên khác', 'name differs'), m: 0.005, u: 0.97 },
    ],
  };
}

/** Features per record object with the name fields they were computed from (a changed name is computed again). */
const featureCache = new WeakMap<NameFields, CachedNameFeatures>();

interface CachedNameFeatures extends Pick<NameFields, 'full_name' | 'family_name' | 'middle_name' | 'given_name'> {
  features: NameFeatures | null;
}

/**
 * Computes the name's keys; parts come from the record when split, else first / middle / last syllable.
 * Remembered per record object: blocking rules, preparation and explanations ask for the same record's features
 * many times, and folding Vietnamese text is most of a batch's matching time.
 *
 * @example
 * nameFeatures({ full_name: 'Huỳnh Thị Thuỷ', family_name: null, middle_name: null, given_name: null })?.familyClass; // 'hoang'
 */
export function nameFeatures(person: NameFields): NameFeatures | null {
  const cached = featureCache.get(person);
  if (
    cached &&
    cached.full_name === person.full_name &&
    cached.family_name === person.family_name &&
    cached.middle_name === person.middle_name &&
    cached.given_name === person.given_name
  ) {
    return cached.features;
  }
  const features = computeNameFeatures(person);
  const { full_name, family_name, middle_name, given_name } = person;
  featureCache.set(person, { full_name, family_name, middle_name, given_name, features });
  return features;
}

function computeNameFeatures(person: NameFields): NameFeatures | null {
  const exact = cleanText(person.full_name ?? '').toLowerCase();
  if (exact === '') return null;
  const fold = foldKey(exact);
  const syllables = fold.split(' ');
  const family = person.family_name ? foldKey(person.family_name) : syllables[0];
  const given = person.given_name ? foldKey(person.given_name) : syllables[syllables.length - 1];
  const middle = person.middle_name
    ? foldKey(person.middle_name)
    : person.family_name || person.given_name
      ? ''
      : syllables.slice(1, -1).join(' ');
  return { exact, tone: toneKey(exact), fold, family, familyClass: FAMILY_EQUIVALENTS[family] ?? family, middle, given };
}
