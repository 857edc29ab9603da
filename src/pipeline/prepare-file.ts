import type { AddressCodeColumns } from '../db/schema.js';
import type { DiscoveredFile } from '../ingest/discover-files.js';
import { blockingKeys, type BlockingKeys } from '../match/blocking-keys.js';
import { extractSpreadsheet } from '../ingest/extract-spreadsheet.js';
import type { SourceRecord } from '../ingest/source-record.js';
import { normalizeRecord, type NormalizedRecord } from '../normalize/normalize-record.js';
import { codeRecordAddress, type RunGazetteer } from './code-record-address.js';
import type { PipelineDefinition } from './pipeline-definition.js';

export interface PreparedRecord {
  source: SourceRecord;
  normalized: NormalizedRecord;
  /** The address coded to administrative units; null when the record has no address. */
  address: AddressCodeColumns | null;
  /** Blocking keys, computed here in the worker so the loader does not. */
  keys: BlockingKeys | null;
}

export interface PreparedFile {
  records: PreparedRecord[];
  /** Sheets rejected whole (no header, no name column…), in Vietnamese; the file's other sheets still load. */
  sheetErrors: string[];
}

/**
 * Extract and normalize one file: the pure middle of the pipeline for one input. Throws UnreadableFileError when
 * the file cannot be read at all.
 *
 * @example
 * const { records, sheetErrors } = await prepareFile(file, bytes, pipeline, new Date(), gazetteer);
 */
export async function prepareFile(
  file: DiscoveredFile,
  bytes: Buffer,
  pipeline: PipelineDefinition,
  today: Date,
  gazetteer: RunGazetteer,
): Promise<PreparedFile> {
  const sheets = await extractSpreadsheet(file, bytes);
  const sheetErrors = sheets.flatMap((s) => (s.error ? [s.error] : []));
  const options = { today, defaultNationality: pipeline.defaultNationality };
  const records = sheets.flatMap((sheet) =>
    sheet.records.map((source) => {
      const normalized = normalizeRecord(source, options);
      const address = codeRecordAddress(source, normalized, gazetteer);
      return { source, normalized, address, keys: normalized.values ? blockingKeys(normalized.values) : null };
    }),
  );
  return { records, sheetErrors };
}
