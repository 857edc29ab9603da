import { BookFamilyNames } from './book-family-names.js';
import type { RawField, SourceRecord } from '../ingest/source-record.js';
import type { FieldReading, OcrBox, PageReading } from './ocr-types.js';

/** One page of a scanned file, as the layout reader understood it. */
export interface ReadPage {
  /** 1-based page of the file. */
  page: number;
  reading: PageReading;
}

/** Where a scanned field sits, for the reviewer's crop; kept beside the record while the file is prepared. */
export interface ScanFieldRegion {
  /** Page of this file; null when the field came from a household page in an earlier file of the book. */
  page: number | null;
  bbox: OcrBox | null;
  /** The entry as OCR read it, before post-correction. */
  ocrText: string;
}

export interface ScanRecord {
  source: SourceRecord;
  /** Every raw field of the record read from a page (member fields and the household page's fields). */
  regions: Partial<Record<RawField, ScanFieldRegion>>;
  /** Fields every member page has that this page did not yield: a reviewer must look at the page. */
  missing: MissingField[];
  /** The book number in the file or folder name when it differs from the one read on the page (one is misread). */
  bookInName: string | null;
  /** The household page the member page belongs to; null for a loose page. */
  household: HouseholdContext | null;
}

export interface MissingField {
  field: RawField;
  /** label: the printed label was not found (OCR lost it); entry: the label is there, the entry is blank. */
  lost: 'label' | 'entry';
}

/**
 * Written for every person in every edition of the book: never legitimately absent from a member page (a blank
 * birthplace or native place is an entry OCR lost: the books always fill them).
 */
const REQUIRED_MEMBER_FIELDS: readonly RawField[] = ['full_name', 'birth_date', 'sex', 'relation_to_head', 'ethnicity', 'nationality', 'birthplace', 'native_place'];

/**
 * Printed on every member page, though the entry may be left blank: when not even the label is found, OCR lost
 * the line, and what was written there (possibly a value the pipeline would otherwise default) is unknown.
 * Each group is one line of the form, whatever its wording.
 */
const PRINTED_MEMBER_LABELS: readonly (readonly RawField[])[] = [
  ['other_name'], ['religion'], ['personal_id', 'id_any', 'old_id'],
];

/** Printed on every household page: the book number and the address (one line, or split into units). */
const PRINTED_HOUSEHOLD_LABELS: readonly (readonly RawField[])[] = [
  ['household_book_no'], ['address', 'hamlet', 'commune', 'district', 'province'],
];

/**
 * Household entries a book always has once their label is printed: a blank one is an entry OCR lost (a house
 * number, by contrast, is often left blank).
 */
const WRITTEN_HOUSEHOLD_FIELDS: readonly RawField[] = ['household_book_no', 'hamlet', 'commune', 'district', 'province'];

/** A household page's fields, carried to the member pages after it (in this file or the next files of its folder). */
export interface HouseholdContext {
  fields: FieldReading[];
  /** Lines of the household page OCR lost (no label found, named by their first field), and entries it lost. */
  lost: MissingField[];
  /** Groups its members when no book number is known. */
  key: string;
  /** Family names its members were read with so far (filled as their records are prepared, in page order). */
  familyNames: BookFamilyNames;
}

export interface PagesToRecordsResult {
  records: ScanRecord[];
  /** Pages that are neither a household page nor a member page (reported, never dropped silently). */
  otherPages: number[];
  /** Household pages followed directly by another household page: no member page belongs to them. */
  householdsWithoutMembers: number[];
  /** The household the file ends in, for the next file of the same book. */
  lastHousehold: HouseholdContext | null;
}

/**
 * Household-page fields every member of that household carries. Not the head's name: members are grouped by the
 * book (or the page), and the head has a member page of their own, so a doubtful reading of it is not worth a
 * reviewer's time on every member.
 */
const HOUSEHOLD_FIELDS: readonly RawField[] = ['household_book_no', 'address', 'hamlet', 'commune', 'district', 'province'];

/**
 * Turns a scanned file's pages, in order, into source records: one per member page. A member page belongs to
 * the household page before it: in the same file (a book scanned as one file), or `before`, the household the
 * previous file of the same folder ended with (a book scanned page by page). Loose member pages take the book
 * number from the file or folder name ("so-110234567-trang-3.jpg", "110234567/trang-3.png") when no page shows one.
 *
 * @example
 * pagesToRecords([{ page: 1, reading: householdPage }, { page: 2, reading: memberPage }], 'so-110234567.pdf', 'inbox')
 * // → { records: [{ source: { locator: { file: 'so-110234567.pdf', page: 2, … }, raw: { full_name: …, household_book_no: '110234567' }, … } }], … }
 */
export function pagesToRecords(
  pages: readonly ReadPage[],
  fileName: string,
  folderName: string,
  before: HouseholdContext | null = null,
): PagesToRecordsResult {
  const records: ScanRecord[] = [];
  const otherPages: number[] = [];
  const householdsWithoutMembers: number[] = [];
  const bookFromName = bookNumberInName(fileName) ?? bookNumberInName(folderName);
  let household: { page: number | null; context: HouseholdContext; members: number } | null = before
    ? { page: null, context: before, members: 1 }
    : null;

  for (const { page, reading } of pages) {
    if (reading.kind === 'household') {
      if (household && household.page !== null && household.members === 0) householdsWithoutMembers.push(household.page);
      const fields = reading.fields.filter((f) => HOUSEHOLD_FIELDS.includes(f.field));
      const lost: MissingField[] = [
        ...PRINTED_HOUSEHOLD_LABELS.filter((g) => !g.some((f) => reading.labelled.includes(f))).map((g): MissingField => ({ field: g[0], lost: 'label' })),
        ...WRITTEN_HOUSEHOLD_FIELDS.filter((f) => reading.labelled.includes(f) && !fields.some((r) => r.field === f))
          .map((field): MissingField => ({ field, lost: 'entry' })),
      ];
      household = { page, context: { fields, lost, key: `${fileName}#${page}`, familyNames: new BookFamilyNames() }, members: 0 };
      continue;
    }
    if (reading.kind === 'other') {
      otherPages.push(page);
      // Not recognised before any household page of the book: most likely the household page itself, unread.
      // Its members must not look as if their book had no address.
      if (household === null) {
        const lost = (['household_book_no', 'address'] as const).map((field): MissingField => ({ field, lost: 'label' }));
        household = { page: null, context: { fields: [], lost, key: `${fileName}#${page}`, familyNames: new BookFamilyNames() }, members: 0 };
      }
      continue;
    }
    const raw: SourceRecord['raw'] = {};
    const confidence: SourceRecord['confidence'] = {};
    const regions: ScanRecord['regions'] = {};
    const take = (f: FieldReading, fromPage: number | null) => {
      if (f.text.trim() === '' || raw[f.field] !== undefined) return;
      raw[f.field] = f.text;
      confidence[f.field] = f.confidence;
      regions[f.field] = { page: fromPage, bbox: f.bbox, ocrText: f.ocrText };
    };
    for (const f of reading.fields) take(f, page);
    if (household) {
      household.members += 1;
      for (const f of household.context.fields) take(f, household.page);
    }
    if (raw.household_book_no === undefined && bookFromName) raw.household_book_no = bookFromName;
    const book = raw.household_book_no?.replace(/\D/g, '') ?? '';
    const bookInName = bookFromName !== null && book !== '' && book !== bookFromName ? bookFromName : null;
    const householdKey = book !== '' ? `book:${book}` : household ? `page:${household.context.key}` : null;
    const missing = [
      ...REQUIRED_MEMBER_FIELDS.filter((f) => raw[f] === undefined).map(
        (field): MissingField => ({ field, lost: reading.labelled.includes(field) ? 'entry' : 'label' }),
      ),
      ...PRINTED_MEMBER_LABELS.filter((g) => !g.some((f) => reading.labelled.includes(f) || raw[f] !== undefined))
        .map((g): MissingField => ({ field: g[0], lost: 'label' })),
      ...(household?.context.lost ?? []).filter(({ field }) => !(field === 'household_book_no' && bookFromName !== null)),
    ];
    records.push({
      source: { locator: { file: fileName, sheet: null, row: null, page }, raw, confidence, householdKey },
      regions,
      missing,
      bookInName,
      household: household?.context ?? null,
    });
  }
  return { records, otherPages, householdsWithoutMembers, lastHousehold: household?.context ?? null };
}

/**
 * A household book number written in a file or folder name: a run of 6 or more digits (book numbers in the
 * registry are 6–12 digits). Dates like 2024-03-12 or 20240312 in a name are not book numbers.
 */
export function bookNumberInName(name: string): string | null {
  const stem = name.replace(/\.[a-z0-9]{2,4}$/i, '');
  for (const match of stem.matchAll(/(?<!\d)\d{6,12}(?!\d)/g)) {
    const digits = match[0];
    if (/^(19|20)\d{6}$/.test(digits) && isDate(digits)) continue;
    return digits;
  }
  return null;
}

function isDate(yyyymmdd: string): boolean {
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
