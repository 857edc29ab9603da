import type { PersonValues } from '../normalize/person-values.js';
import { foldKey } from '../normalize/vietnamese-text.js';

/** Precision of an ISO birth date with precision: 3 for 1968-03-12, 2 for 1968-03, 1 for 1968. */
function datePrecision(date: string | null): number {
  return date ? date.split('-').length : 0;
}

const OTHER_NAME_SEPARATOR_RE = /[,;/]/;

/**
 * The person's other names after the merge: both records' other names, and the incoming full name when that record
 * was written under another name (its other name is the person's name). Never the person's own name: a person whose
 * other name is its name would look like the "other name" of every namesake.
 */
function mergedOtherNames(person: PersonValues, incoming: PersonValues): string | null {
  const own = foldKey(person.full_name ?? '');
  const split = (text: string | null) => (text ?? '').split(OTHER_NAME_SEPARATOR_RE).map((s) => s.trim()).filter((s) => s !== '');
  const incomingOthers = split(incoming.other_name);
  const writtenUnderOther = own !== '' && incomingOthers.some((o) => foldKey(o) === own);
  const names = [...split(person.other_name), ...incomingOthers, ...(writtenUnderOther && incoming.full_name ? [incoming.full_name] : [])];
  const seen = new Set([own]);
  const kept = names.filter((n) => {
    const key = foldKey(n);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length > 0 ? kept.join(', ') : null;
}

/**
 * Merges an incoming record's values into a person's: nothing known is lost. A field the person lacks is taken
 * from the record; a birth date is replaced only by a more precise one of the same year; other names are joined
 * (a record written under another name leaves that name as an other name); other conflicting values keep the
 * person's (the record keeps its own values in its provenance row).
 *
 * @example
 * mergePersonValues({ ...p, birth_date: '1968' }, { ...q, birth_date: '1968-03-12' }).birth_date // '1968-03-12'
 * mergePersonValues(lan, { ...q, full_name: 'Nguyễn Thị Mơ', other_name: 'Nguyễn Thị Lan' }).other_name // 'Nguyễn Thị Mơ'
 */
export function mergePersonValues(person: PersonValues, incoming: PersonValues): PersonValues {
  const merged: PersonValues = { ...person };
  for (const key of Object.keys(incoming) as (keyof PersonValues)[]) {
    if (merged[key] === null && incoming[key] !== null) (merged as unknown as Record<string, unknown>)[key] = incoming[key];
  }
  merged.other_name = mergedOtherNames(person, incoming);
  const a = person.birth_date;
  const b = incoming.birth_date;
  if (a && b && b.startsWith(a) && datePrecision(b) > datePrecision(a)) merged.birth_date = b;
  return merged;
}
