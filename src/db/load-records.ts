import type { SourceRecord } from '../ingest/source-record.js';
import type { MatchDecision } from '../match/match-decision.js';
import type { Issue } from '../normalize/issue.js';
import type { PersonValues } from '../normalize/person-values.js';
import type { BlockingKeys } from '../match/blocking-keys.js';
import type { AddressCodeColumns } from './schema.js';

export interface FileIdentity {
  sha256: string;
  name: string;
  path: string;
  kind: string;
  sizeBytes: number;
}

export interface LoadRecord {
  source: SourceRecord;
  values: PersonValues | null;
  /** The record's address coded to administrative units; null when it has no address. */
  address: AddressCodeColumns | null;
  /** Blocking keys of its values (computed where the record was prepared); null when rejected without values. */
  keys: BlockingKeys | null;
  issues: Issue[];
  decision: MatchDecision;
  /** The record's source_records id, once written (reviewers' corrections name it). */
  sourceRecordId?: number;
}

/** Address columns of a record without an address. */
export const NO_ADDRESS: AddressCodeColumns = {
  legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null,
  commune_code: null, address_status: null, address_confidence: null, gazetteer_version: null,
};

export interface OutcomeCounts {
  records_in: number;
  new: number;
  merged: number;
  flagged: number;
  rejected: number;
}

/** Records in and their outcomes. */
export function countOutcomes(records: readonly LoadRecord[]): OutcomeCounts {
  const counts: OutcomeCounts = { records_in: records.length, new: 0, merged: 0, flagged: 0, rejected: 0 };
  for (const record of records) counts[record.decision.outcome] += 1;
  return counts;
}

