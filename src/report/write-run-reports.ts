import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RAW_FIELDS, type RawField, type SourceRecord } from '../ingest/source-record.js';
import { WRITTEN_FORMS } from '../ingest/written-fields.js';
import type { Issue } from '../normalize/issue.js';
import type { RunReview } from '../db/match-reviews.js';
import { toCsv } from './csv-text.js';
import { reviewDuplicatesCsv } from './review-duplicates-csv.js';
import { renderReconciliationHtml } from './reconciliation-html.js';
import type { Reconciliation } from './reconciliation.js';

/** A record that needs a person: rejected (with every reason) or flagged (with its review issues). */
export interface RecordForPeople {
  source: SourceRecord;
  issues: Issue[];
  /** Its source_records id (absent in a dry run's rolled-back load). */
  sourceRecordId?: number;
}

const LOCATOR_HEADER = ['tệp (file)', 'trang tính (sheet)', 'dòng (row)'];

/** rejects.csv: one row per rejected record, every reason, then the raw values in their own columns. */
export function rejectsCsv(rejected: readonly RecordForPeople[]): string {
  const present = new Set<RawField>();
  for (const r of rejected) for (const key of Object.keys(r.source.raw) as RawField[]) present.add(key);
  const fields = RAW_FIELDS.filter((f) => present.has(f));
  const rows = rejected.map(({ source, issues }) => [
    source.locator.file,
    source.locator.sheet ?? '',
    source.locator.row ?? '',
    issues.filter((i) => i.severity === 'reject').map((i) => i.message).join('; '),
    ...fields.map((f) => source.raw[f] ?? ''),
  ]);
  return toCsv([...LOCATOR_HEADER, 'lý do (reasons)', ...fields], rows);
}


/** The value as written in the source for a (raw or canonical) field. */
export function writtenValue(raw: SourceRecord['raw'], field: string): string {
  for (const { fields, join } of WRITTEN_FORMS[field] ?? [{ fields: [field as RawField], join: '' }]) {
    const values = fields.map((f) => raw[f]).filter((v): v is string => Boolean(v));
    if (values.length > 0) return values.join(join);
  }
  return '';
}

/** review-fields.csv's columns; `hokhau review apply` reads the file back by these names. */
export const REVIEW_FIELDS_HEADER = [
  'mã bản ghi (record_id)', 'tệp (file)', 'trang tính (sheet)', 'dòng (row)', 'trang (page)', 'trường (field)',
  'giá trị (value)', 'chữ OCR đọc được (ocr_text)', 'độ tin cậy (confidence)', 'ảnh cắt (crop)', 'mã (code)',
  'lý do (reason)', 'corrected_value',
] as const;

/** What OCR read for a (raw or canonical) field, and its crop: from the first raw field it is written in. */
function scannedValue(source: SourceRecord, field: string): { ocrText: string; confidence: string; crop: string } {
  for (const { fields } of WRITTEN_FORMS[field] ?? [{ fields: [field as RawField] }]) {
    for (const f of fields) {
      const scanned = source.scan?.[f];
      if (scanned) {
        const confidence = source.confidence[f];
        return { ocrText: scanned.ocrText, confidence: confidence === undefined ? '' : confidence.toFixed(2), crop: scanned.crop ?? '' };
      }
    }
  }
  return { ocrText: '', confidence: '', crop: '' };
}

/**
 * review-fields.csv: one row per doubtful field of a flagged record (its reasons joined), what was written or read,
 * OCR's confidence and a crop of the field for scans, and an empty corrected_value column for the reviewer.
 */
export function reviewFieldsCsv(flagged: readonly RecordForPeople[]): string {
  const rows = flagged.flatMap(({ source, issues, sourceRecordId }) => {
    const byField = new Map<string, Issue[]>();
    for (const i of issues) if (i.severity === 'review') byField.set(i.field, [...(byField.get(i.field) ?? []), i]);
    return [...byField].map(([field, fieldIssues]) => {
      const scanned = scannedValue(source, field);
      return [
        sourceRecordId ?? '',
        source.locator.file,
        source.locator.sheet ?? '',
        source.locator.row ?? '',
        source.locator.page ?? '',
        field,
        writtenValue(source.raw, field),
        scanned.ocrText,
        scanned.confidence,
        scanned.crop,
        fieldIssues.map((i) => i.code).join('; '),
        fieldIssues.map((i) => i.message).join('; '),
        '',
      ];
    });
  });
  return toCsv([...REVIEW_FIELDS_HEADER], rows);
}

/**
 * Writes the run's reports into `outDir`: reconciliation.json and .html, rejects.csv, review-fields.csv,
 * review-duplicates.csv, and the match model the run used.
 *
 * @example
 * await writeRunReports('data/runs/20261127-221500-3fa2', report, { rejected, flagged, reviews, matchModelJson });
 */
export async function writeRunReports(
  outDir: string,
  report: Reconciliation,
  lists: {
    rejected: readonly RecordForPeople[];
    flagged: readonly RecordForPeople[];
    /** The run's pairs of possible duplicates, for review-duplicates.csv. */
    reviews: readonly RunReview[];
    matchModelJson: string | null;
  },
): Promise<void> {
  const { rejected, flagged, reviews, matchModelJson } = lists;
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, 'review-duplicates.csv'), reviewDuplicatesCsv(reviews)),
    // The model the run decided with (blocking rules, comparisons, m/u, thresholds): decisions stay explainable.
    ...(matchModelJson ? [writeFile(join(outDir, 'match-model.json'), matchModelJson + '\n')] : []),
    writeFile(join(outDir, 'reconciliation.json'), JSON.stringify(report, null, 2) + '\n'),
    writeFile(join(outDir, 'reconciliation.html'), renderReconciliationHtml(report)),
    writeFile(join(outDir, 'rejects.csv'), rejectsCsv(rejected)),
    writeFile(join(outDir, 'review-fields.csv'), reviewFieldsCsv(flagged)),
  ]);
}
