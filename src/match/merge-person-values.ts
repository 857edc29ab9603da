import type { PersonValues } from '../normalize/person-values.js';

/** Precision of an ISO birth date with precision: 3 for 1968-03-12, 2 for 1968-03, 1 for 1968. */
function datePrecision(date: string | null): number {
  return date ? date.split('-').length : 0;
}

/**
 * Merges an incoming record's values into a person's: nothing known is lost. A field the person lacks is taken
 * from the record; a birth date is replaced only by a more precise one of the same year; other conflicting values
 * keep the person's (the record keeps its own values in its provenance row).
 *
 * @example
 * mergePersonValues({ ...p, birth_date: '1968' }, { ...q, birth_date: '1968-03-12' }).birth_date // '1968-03-12'
 */
export function mergePersonValues(person: PersonValues, incoming: PersonValues): PersonValues {
  const merged: PersonValues = { ...person };
  for (const key of Object.keys(incoming) as (keyof PersonValues)[]) {
    if (merged[key] === null && incoming[key] !== null) (merged as unknown as Record<string, unknown>)[key] = incoming[key];
  }
  const a = person.birth_date;
  const b = incoming.birth_date;
  if (a && b && b.startsWith(a) && datePrecision(b) > datePrecision(a)) merged.birth_date = b;
  return merged;
}
