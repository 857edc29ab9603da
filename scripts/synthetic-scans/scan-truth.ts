/**
 * The truth written beside the scans (truth.json): every output file with its pages, what each page says
 * under the project's raw field names, and the normalized values a reader should end up with.
 *
 * @example
 * {
 *   "generator": "scripts/generate-scans.ts", "version": 1, "seed": 7, "households": 10,
 *   "levels": ["clean"], "format": "mixed",
 *   "files": [{ "file": "clean/so-4417920.tiff", "format": "tiff", "level": "clean", "dpi": 300,
 *     "width": 1748, "height": 2480, "book_no": "4417920", "edition": "hk-2010",
 *     "pages": [{ "file": "clean/so-4417920.tiff", "page": 1, "kind": "household", "book_no": "4417920",
 *       "edition": "hk-2010", "level": "clean", "dpi": 300,
 *       "fields": { "household_book_no": "4417920", "household_head": "Lò Văn Pánh", "address": "Bản Na Ngám, xã …" },
 *       "expected": { "commune_code": "03325" }, "damage": { "angle": 0, "blur": 0, "noise": 0 } }] }]
 * }
 */
import type { DamageApplied, DamageLevel } from './scan-damage.js';
import type { ExpectedValues, TruthField } from './page-content.js';

export type ScanFileFormat = 'png' | 'jpeg' | 'tiff' | 'pdf';

export interface TruthPage {
  /** Path relative to the output folder, '/'-separated. */
  file: string;
  /** 1-based page within the file (always 1 for single-page files). */
  page: number;
  kind: 'household' | 'member';
  book_no: string;
  /** Print edition id (see print-editions.ts). */
  edition: string;
  level: DamageLevel;
  dpi: number;
  /** Entries as printed, under raw field names; empty entries are absent. */
  fields: Partial<Record<TruthField, string>>;
  expected: ExpectedValues;
  damage: DamageApplied;
}

export interface TruthFile {
  file: string;
  format: ScanFileFormat;
  level: DamageLevel;
  dpi: number;
  width: number;
  height: number;
  book_no: string;
  edition: string;
  pages: TruthPage[];
}

export interface ScanTruth {
  generator: 'scripts/generate-scans.ts';
  version: 1;
  seed: number;
  households: number;
  levels: DamageLevel[];
  format: string;
  files: TruthFile[];
}

/** Stable, readable JSON (two-space indent, trailing newline). */
export function scanTruthToJson(truth: ScanTruth): string {
  return `${JSON.stringify(truth, null, 2)}\n`;
}
