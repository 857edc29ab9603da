import { label, type Comparison, type Label } from '../comparison.js';
import { editDistance } from '../text-similarity.js';

const NON_ID_CHARS_RE = /[^0-9A-Z]/g;

/**
 * Identity-number comparison (personal ID, old CMND, Febrl's soc_sec_id). Levels: one side missing (null, weight 0);
 * equal; one typo (one substitution or adjacent swap, when `typo` is on); else — two different numbers, a strong
 * negative.
 *
 * @example
 * const pid = idComparison<PersonValues>('personal_id', label('số định danh', 'personal ID'), (p) => p.personal_id);
 * // '011068001234' vs '011068001234' → 'exact' ("cùng số định danh")
 */
export function idComparison<R>(name: string, f: Label, value: (record: R) => string | null | undefined, typo = true): Comparison<R, string | null> {
  return {
    name,
    label: f,
    prepare: (record) => idKey(value(record)),
    levels: [
      { key: 'null', isNull: true, label: label(`một bên thiếu ${f.vi}`, `${f.en} missing on one side`), m: 1, u: 1, test: (a, b) => a === null || b === null },
      { key: 'exact', label: label(`cùng ${f.vi}`, `same ${f.en}`), m: 0.9, u: 0.00001, test: (a, b) => a === b },
      ...(typo
        ? [{ key: 'typo', label: label(`${f.vi} lệch một ký tự`, `${f.en} one character off`), m: 0.05, u: 0.0001, test: (a: string | null, b: string | null) => a!.length === b!.length && editDistance(a!, b!, 1) <= 1 }]
        : []),
      { key: 'else', label: label(`${f.vi} khác nhau`, `${f.en} differs`), m: 0.05, u: 0.9999 },
    ],
  };
}

/** Digits and capital letters only; empty → null. */
export function idKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const key = raw.toUpperCase().replace(NON_ID_CHARS_RE, '');
  return key === '' ? null : key;
}

/**
 * A coded value compared for equality only (sex, ethnicity code, household book number). Levels: null; same; else.
 *
 * @example
 * const sex = codeComparison<PersonValues>('sex', label('giới tính', 'sex'), (p) => p.sex);
 */
export function codeComparison<R>(name: string, f: Label, value: (record: R) => string | null | undefined, m = 0.95, u = 0.5): Comparison<R, string | null> {
  return {
    name,
    label: f,
    prepare: (record) => idKey(value(record)),
    levels: [
      { key: 'null', isNull: true, label: label(`thiếu ${f.vi}`, `${f.en} missing`), m: 1, u: 1, test: (a, b) => a === null || b === null },
      { key: 'exact', label: label(`cùng ${f.vi}`, `same ${f.en}`), m, u, test: (a, b) => a === b },
      { key: 'else', label: label(`${f.vi} khác`, `${f.en} differs`), m: 1 - m, u: 1 - u },
    ],
  };
}
