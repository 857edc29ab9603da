import { cleanText, foldKey, toneKey } from '../../../normalize/vietnamese-text.js';
import { label, type Comparison, type ComparisonLevel, type Label } from '../comparison.js';
import { editDistance, jaroWinkler } from '../text-similarity.js';

/** What a text comparison computes once per record. */
export interface TextFeatures {
  exact: string;
  tone: string;
  fold: string;
}

export interface TextComparisonOptions<R> {
  name: string;
  /** The field as a noun phrase: { vi: 'tên', en: 'given name' }. */
  label: Label;
  value: (record: R) => string | null | undefined;
  /** Add the tone-placement and diacritic-free levels (Vietnamese text); off for ASCII data. */
  vietnamese?: boolean;
  /** Jaro–Winkler thresholds on the folded text, highest first (e.g. [0.92, 0.85]). */
  jaroWinkler?: readonly number[];
  /** A level for at most this many edits (typos in codes and numbers). */
  maxEdits?: number;
  /** Adjust agreement by how common the value is. */
  termFrequency?: boolean;
}

/**
 * Levels: null; exact; [equal ignoring tone-mark placement; equal without diacritics]; Jaro–Winkler ≥ t…;
 * [≤ n edits]; else. Labels are built from the field's noun phrase ("cùng tên", "tên khác").
 *
 * @example
 * const surname = textComparison<FebrlRecord>({ name: 'surname', label: label('họ', 'surname'),
 *   value: (r) => r.surname, jaroWinkler: [0.92, 0.85], termFrequency: true });
 */
export function textComparison<R>(options: TextComparisonOptions<R>): Comparison<R, TextFeatures | null> {
  const f = options.label;
  const tf = options.termFrequency === true;
  const levels: ComparisonLevel<TextFeatures | null>[] = [
    nullLevel(f),
    { key: 'exact', label: label(`cùng ${f.vi}`, `same ${f.en}`), tf, m: 0.8, u: 0.01, test: (a, b) => a!.exact === b!.exact },
  ];
  if (options.vietnamese) {
    levels.push(
      { key: 'tone', label: label(`cùng ${f.vi} (khác cách đặt dấu)`, `same ${f.en} (tone placement differs)`), tf, m: 0.05, u: 0.001, test: (a, b) => a!.tone === b!.tone },
      { key: 'fold', label: label(`cùng ${f.vi} khi bỏ dấu`, `same ${f.en} without diacritics`), tf, m: 0.05, u: 0.002, test: (a, b) => a!.fold === b!.fold },
    );
  }
  for (const t of options.jaroWinkler ?? []) {
    levels.push({
      key: `jw${Math.round(t * 100)}`,
      label: label(`${f.vi} gần giống (≥ ${String(t).replace('.', ',')})`, `${f.en} similar (JW ≥ ${t})`),
      m: 0.05,
      u: 0.01,
      test: (a, b) => jaroWinkler(a!.fold, b!.fold) >= t,
    });
  }
  if (options.maxEdits) {
    const max = options.maxEdits;
    levels.push({
      key: `edit${max}`,
      label: label(`${f.vi} lệch ${max} ký tự`, `${f.en} within ${max} edit${max > 1 ? 's' : ''}`),
      m: 0.05,
      u: 0.005,
      test: (a, b) => editDistance(a!.fold, b!.fold, max) <= max,
    });
  }
  levels.push({ key: 'else', label: label(`${f.vi} khác`, `${f.en} differs`), m: 0.05, u: 0.97 });
  return {
    name: options.name,
    label: f,
    prepare: (record) => textFeatures(options.value(record), options.vietnamese === true),
    levels,
    tfValue: tf ? (x) => x?.fold ?? null : undefined,
  };
}

/** The null level every comparison starts with: either side missing. */
export function nullLevel<F>(f: Label): ComparisonLevel<F | null> {
  return { key: 'null', isNull: true, label: label(`thiếu ${f.vi}`, `${f.en} missing`), m: 1, u: 1, test: (a, b) => a === null || b === null };
}

function textFeatures(raw: string | null | undefined, vietnamese: boolean): TextFeatures | null {
  if (raw == null) return null;
  const exact = cleanText(raw).toLowerCase();
  if (exact === '') return null;
  return vietnamese ? { exact, tone: toneKey(exact), fold: foldKey(exact) } : { exact, tone: exact, fold: exact };
}
