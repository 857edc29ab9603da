/**
 * The answer key written beside every generated file set (`truth.json`): for every record (row) the
 * canonical values the pipeline should produce, where the row is, and the expected outcome.
 *
 * @example
 * const truth: Truth = JSON.parse(readFileSync('truth.json', 'utf8'));
 * truth.records.filter((r) => r.outcome === 'rejected').map((r) => r.reasons); // [['missing_name'], …]
 */
import type { SourceLocator } from '../../src/ingest/source-record.js';

export type Outcome = 'new' | 'merged' | 'rejected' | 'flagged';

/** Deliberate mess in a row. Only the first three change the outcome. */
export type Flaw =
  | 'missing_name' // the name cell is empty → rejected
  | 'date_impossible' // 31/02/1968 → flagged (loaded pending review, the date sent to a reviewer)
  | 'personal_id_sex_mismatch' // the ID's sex/century digit disagrees with the sex → flagged
  | 'extra_spaces' // "  Lò  Văn   Pánh "
  | 'upper_case' // "LÒ VĂN PÁNH" in a proper-case sheet
  | 'lower_case' // "lò văn pánh"
  | 'unaccented' // "Lo Van Panh" (kept as written: that is what the file says)
  | 'id_leading_zero_lost'; // XLSX number cell 11068004213 for 011068004213

/** Canonical values the pipeline should produce for the record (null: not in the file, or unusable). */
export interface ExpectedValues {
  /** Proper case per syllable, NFC, spaces collapsed, spelling and tone placement as written. */
  full_name: string | null;
  /** ISO with the precision the file gives: '1968', '1968-03', '1968-03-12'. */
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  /** Common name of the ethnic group (Mông for "Mèo"/"H'Mông"). */
  ethnicity: string | null;
  personal_id: string | null;
  old_id: string | null;
  household_book_no: string | null;
  relation_to_head: string | null;
}

export interface TruthRecord {
  /** 'R000001', in file/row order. */
  record_id: string;
  /** The real person: rows with the same key are the same person. */
  person_key: string;
  locator: SourceLocator;
  expected: ExpectedValues;
  outcome: Outcome;
  /** Issue codes behind the outcome: 'missing_name', 'date_impossible', 'sheet_without_name_column', 'personal_id_sex_mismatch', 'duplicate_personal_id', 'duplicate_household_member'. */
  reasons: string[];
  /** record_id of the earlier record of the same person when outcome is 'merged'. */
  duplicate_of: string | null;
  flaws: Flaw[];
}

export interface TruthSheet {
  /** Sheet name; null for CSV. */
  name: string | null;
  records: number;
  /** Why the whole sheet is expected to be rejected, or null. */
  expected_error: string | null;
  /** Short description of the layout (for humans reading the truth). */
  layout: string;
}

export interface TruthFile {
  file: string;
  format: 'csv' | 'xlsx';
  /** CSV: 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'cp1258' | 'tcvn3' | 'vni'; XLSX: per sheet in `layout`. */
  encoding: string;
  delimiter: string | null;
  sheets: TruthSheet[];
}

/** The true values of a person (the accented name even when a row wrote it unaccented). */
export interface TruthPerson {
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F';
  ethnicity: string;
  personal_id: string | null;
  old_id: string | null;
  household_book_no: string;
  relation_to_head: string;
  commune_code: string;
  hamlet: string;
}

export interface Truth {
  generator: string;
  seed: number;
  /** Distinct real persons. */
  persons: number;
  files: TruthFile[];
  records: TruthRecord[];
  people: Record<string, TruthPerson>;
}
