/**
 * The registry's tables as kysely sees them. Column names are snake_case, as stored.
 *
 * @example
 * const db: Kysely<RegistrySchema> = (await openRegistry('data/registry.sqlite')).db;
 */
import type { Generated } from 'kysely';
import type { PersonValues } from '../normalize/person-values.js';

export type RunStatus = 'running' | 'succeeded' | 'failed';
export type FileStatus = 'loaded' | 'skipped_unchanged' | 'failed';
export type RecordOutcome = 'new' | 'merged' | 'flagged' | 'rejected';
/** `merged`: a reviewer said this pending person is another person (merged_into_id); kept for provenance. */
export type PersonStatus = 'active' | 'pending_review' | 'merged';

export interface ImportRunTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  pipeline: string;
  records_in: number;
  new_count: number;
  merged_count: number;
  flagged_count: number;
  rejected_count: number;
  files_count: number;
  out_dir: string;
  error: string | null;
  /** Which gazetteer coded this run's addresses. */
  gazetteer_version: string | null;
  /** The matching model (blocking rules, comparisons, m/u, thresholds) this run decided with. */
  match_model_json: string | null;
}

/** Administrative codes of an address: legacy_* from the pre-2025 list, the others from the post-2025 list. */
export interface AddressCodeColumns {
  legacy_province_code: string | null;
  legacy_district_code: string | null;
  legacy_commune_code: string | null;
  province_code: string | null;
  commune_code: string | null;
  /** 'coded' | 'ambiguous' | 'unmatched'; null when no address was written. */
  address_status: string | null;
  address_confidence: number | null;
  gazetteer_version: string | null;
}

/** One input file as seen by one run (the ledger that makes reruns skip loaded files). */
export interface SourceFileTable {
  id: Generated<number>;
  run_id: string;
  sha256: string;
  name: string;
  path: string;
  kind: string;
  size_bytes: number;
  status: FileStatus;
  error: string | null;
  records_in: number;
  new_count: number;
  merged_count: number;
  flagged_count: number;
  rejected_count: number;
}

export interface HouseholdTable extends AddressCodeColumns {
  id: number;
  book_no: string | null;
  /** For households without a book number: `<file sha256>:<householdKey>`, so a rerun finds them. */
  source_key: string | null;
  head_person_id: number | null;
  address_text: string | null;
  hamlet: string | null;
  created_run_id: string;
}

/** A person: the normalized values (the book number lives on the household) plus registry bookkeeping. */
export interface PersonTable extends Omit<PersonValues, 'household_book_no'>, AddressCodeColumns {
  id: number;
  status: PersonStatus;
  /** Blocking keys: folded full name, folded given name, birth year (candidates come from indexes, never all pairs). */
  name_fold: string | null;
  given_fold: string | null;
  birth_year: string | null;
  merged_into_id: number | null;
  household_id: number | null;
  created_run_id: string;
  updated_run_id: string;
}

export interface MembershipTable {
  household_id: number;
  person_id: number;
  relation_to_head: string | null;
  run_id: string;
}

export interface SourceRecordTable {
  id: number;
  run_id: string;
  file_id: number;
  file_name: string;
  sheet: string | null;
  row_no: number | null;
  page: number | null;
  raw_json: string;
  normalized_json: string | null;
  issues_json: string;
  outcome: RecordOutcome;
  person_id: number | null;
}

export interface QuarantineTable {
  id: Generated<number>;
  run_id: string;
  source_record_id: number;
  file_name: string;
  sheet: string | null;
  row_no: number | null;
  reasons_json: string;
  raw_json: string;
}

/** A pair sent to reviewers: a pending person and the person it may be. */
export interface MatchReviewTable {
  id: number;
  run_id: string;
  person_id: number;
  candidate_person_id: number;
  probability: number;
  weight: number;
  /** Each comparison's contribution in words ("cùng số định danh +12.1; ngày sinh khác −4.0"). */
  explanation_vi: string;
  explanation_en: string;
  /** 'open' | 'same' | 'different' | 'skipped'. */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** Reviewers' decisions on a pair of persons (person_a < person_b), remembered so the pair is never asked again. */
export interface MatchDecisionTable {
  person_a: number;
  person_b: number;
  decision: 'same' | 'different';
  decided_by: string;
  decided_at: string;
  review_id: number | null;
}

/** Every review file applied: who, when, what changed. */
export interface ReviewAuditTable {
  id: Generated<number>;
  kind: 'duplicates' | 'fields';
  file_name: string;
  file_sha256: string;
  reviewer: string;
  applied_at: string;
  rows_applied: number;
  rows_unchanged: number;
  rows_invalid: number;
}

/** A reviewer's correction of one doubtful field of a source record (review-fields.csv), kept for provenance. */
export interface FieldCorrectionTable {
  id: Generated<number>;
  source_record_id: number;
  /** Raw (`sex`) or canonical (`address`) field name, as in review-fields.csv. */
  field: string;
  /** The value as written or read before the correction ('' when empty). */
  value_before: string;
  value_after: string;
  /** The raw fields the correction replaced, exactly, as JSON. */
  raw_before_json: string;
  reviewer: string;
  decided_at: string;
  /** The review file it came from. */
  file_sha256: string;
}

/** A gazetteer loaded with `hokhau gazetteer load`; the newest one codes the next runs. */
export interface GazetteerVersionTable {
  version: string;
  loaded_at: string;
  source_file: string;
  sha256: string;
  data_json: string;
}

export interface RegistrySchema {
  import_runs: ImportRunTable;
  source_files: SourceFileTable;
  households: HouseholdTable;
  persons: PersonTable;
  memberships: MembershipTable;
  source_records: SourceRecordTable;
  quarantine: QuarantineTable;
  gazetteer_versions: GazetteerVersionTable;
  match_reviews: MatchReviewTable;
  match_decisions: MatchDecisionTable;
  review_audit: ReviewAuditTable;
  field_corrections: FieldCorrectionTable;
}
