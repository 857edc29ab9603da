/**
 * Lays hokhau's prepared records over the truth: every scored truth field of every page becomes a FieldOutcome.
 * Member pages are scored on their own record. A household page yields no record of its own: its fields are
 * scored once, on the record of the first member page after it (where the book context carried them).
 */
import { dirname } from 'node:path';
import type { RawField, SourceRecord } from '../../src/ingest/source-record.js';
import { normalizeRecord } from '../../src/normalize/normalize-record.js';
import { scanFieldIssues } from '../../src/ocr/scan-field-checks.js';
import type { PreparedRecord } from '../../src/pipeline/prepare-file.js';
import type { DamageLevel } from '../synthetic-scans/scan-damage.js';
import { HOUSEHOLD_PAGE_FIELDS, isScoredField, type ScoredField } from './field-compare.js';
import { flaggedFields, scoreField, type FieldOutcome } from './field-outcome.js';
import type { PreparedPage } from './run-hokhau.js';

export interface RecordStats {
  /** Member pages in the truth. */
  memberPages: number;
  /** Records hokhau made of them. */
  records: number;
  /** Records loaded as pending_review or rejected. */
  flagged: number;
  rejected: number;
  /** Pages (of either kind) reported in the file's errors, or refused whole. */
  pagesReported: number;
  /** Household pages whose members' address was coded to the truth's (pre-2025) commune, to another, or not at all. */
  commune: { right: number; wrong: number; uncoded: number };
  /** Household pages whose book number reached the record only from the folder name (not read on the page). */
  bookNoFromFolder: number;
  /** Member-page fields read although the page leaves them empty, and those of them nobody will look at. */
  spurious: number;
  spuriousSilent: number;
}

/**
 * Scores one level's pages (in book order, as run).
 *
 * @example
 * const { outcomes, stats } = collectOutcomes(results, { today, defaultNationality: 'Việt Nam' });
 */
export function collectOutcomes(
  results: readonly PreparedPage[],
  options: { today: Date; defaultNationality: string },
): { outcomes: FieldOutcome[]; stats: RecordStats } {
  const outcomes: FieldOutcome[] = [];
  const stats: RecordStats = {
    memberPages: 0, records: 0, flagged: 0, rejected: 0, pagesReported: 0,
    commune: { right: 0, wrong: 0, uncoded: 0 }, bookNoFromFolder: 0, spurious: 0, spuriousSilent: 0,
  };
  for (const [i, result] of results.entries()) {
    const truth = result.page.truth;
    const reported = result.prepared === null || result.prepared.sheetErrors.length > 0;
    if (reported) stats.pagesReported++;
    let record: PreparedRecord | null;
    let fields: ScoredField[];
    if (truth.kind === 'member') {
      stats.memberPages++;
      record = result.prepared?.records[0] ?? null;
      if (record) {
        stats.records++;
        if (record.normalized.outcome !== 'ok') stats.flagged++;
        if (record.normalized.outcome === 'reject') stats.rejected++;
      }
      fields = Object.keys(truth.fields).filter(isScoredField).filter((f) => !HOUSEHOLD_PAGE_FIELDS.includes(f));
    } else {
      // The household's values reach the registry with its members: scored on the first member page of the book that
      // gave a record (a member page that could not be read is reported on its own, and carries nothing).
      record = firstMemberRecord(results, i);
      fields = Object.keys(truth.fields).filter(isScoredField);
      countHousehold(record, truth.expected.commune_code, stats);
    }
    const flags = reviewFlags(record, options);
    if (truth.kind === 'member' && record) {
      for (const field of Object.keys(record.source.raw).filter(isScoredField)) {
        if (HOUSEHOLD_PAGE_FIELDS.includes(field) || truth.fields[field] !== undefined) continue;
        if (ID_FIELDS.includes(field) && ID_FIELDS.some((f) => truth.fields[f] !== undefined)) continue;
        stats.spurious++;
        if (!flags.all.has(field) && !reported) stats.spuriousSilent++;
      }
    }
    for (const field of fields) {
      const from = record ? readFrom(field, record.source.raw) : field;
      const read = record?.source.raw[from] ?? null;
      outcomes.push(scoreField(
        { level: result.page.level as DamageLevel, file: truth.file, kind: truth.kind, field, truth: truth.fields[field] ?? '' },
        { read, ocrText: record?.source.scan?.[from]?.ocrText ?? null, confidence: record?.source.confidence[from] ?? (read === null ? null : 1) },
        { flagged: reported || flags.all.has(field), flaggedByCheck: reported || flags.checks.has(field), reviewConfidence: coveringConfidence(field, record) },
        options.today,
      ));
    }
  }
  return { outcomes, stats };
}

/** The record of the first member page after household page `i` in the same book (folder) that gave one. */
function firstMemberRecord(results: readonly PreparedPage[], i: number): PreparedRecord | null {
  const folder = dirname(results[i].page.path);
  for (let j = i + 1; j < results.length; j++) {
    const page = results[j];
    if (page.page.truth.kind !== 'member' || dirname(page.page.path) !== folder) return null;
    const record = page.prepared?.records[0];
    if (record) return record;
  }
  return null;
}

/** The lowest confidence of the record's fields whose low-confidence review would cover `field`. */
function coveringConfidence(field: ScoredField, record: PreparedRecord | null): number | null {
  let lowest: number | null = null;
  for (const [raw, confidence] of Object.entries(record?.source.confidence ?? {})) {
    if (typeof confidence !== 'number' || !record?.source.raw[raw as RawField]?.trim()) continue;
    if (flaggedFields([{ field: raw, severity: 'review' }]).has(field)) lowest = Math.min(lowest ?? 1, confidence);
  }
  return lowest;
}

const ID_FIELDS: readonly ScoredField[] = ['personal_id', 'old_id', 'id_any'];

/**
 * The raw field a truth field is read into. A "CMND số" line is read as id_any (its length decides what it is),
 * while the truth files it as personal_id or old_id: a truth ID without its own raw field takes id_any.
 */
export function readFrom(field: ScoredField, raw: SourceRecord['raw']): RawField {
  if ((field === 'personal_id' || field === 'old_id') && raw[field] === undefined) return 'id_any';
  return field;
}

function countHousehold(record: PreparedRecord | null, communeCode: string | undefined, stats: RecordStats): void {
  if (record && record.source.raw.household_book_no !== undefined && record.source.scan?.household_book_no === undefined) {
    stats.bookNoFromFolder++;
  }
  if (communeCode === undefined) return;
  const coded = record?.address?.legacy_commune_code ?? null;
  if (coded === null) stats.commune.uncoded++;
  else if (coded === communeCode) stats.commune.right++;
  else stats.commune.wrong++;
}

/**
 * The fields of a record a person is asked about: all of them when the record is rejected. `checks` replays the
 * record without the low-confidence rule (so a field check it pre-empted still counts), for other thresholds.
 */
function reviewFlags(record: PreparedRecord | null, options: { today: Date; defaultNationality: string }): { all: Set<ScoredField>; checks: Set<ScoredField> } {
  if (!record) return { all: new Set(), checks: new Set() };
  const { issues, outcome } = record.normalized;
  if (outcome === 'reject') return { all: flaggedFields([{ field: 'record', severity: 'reject' }]), checks: flaggedFields([{ field: 'record', severity: 'reject' }]) };
  const withoutConfidence = normalizeRecord({ ...record.source, confidence: {} }, options);
  const checks = [
    ...issues.filter((i) => i.code !== 'low_confidence'),
    ...(withoutConfidence.values ? scanFieldIssues(record.source.raw, withoutConfidence) : []),
  ];
  return { all: flaggedFields(issues), checks: flaggedFields(checks) };
}
