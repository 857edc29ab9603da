/**
 * A sheet as the writers see it: rows of cells plus merges, with the truth of every record row attached.
 * One model feeds both the CSV and the XLSX writer, so their truth cannot disagree.
 */
import type { Layout } from './layout.js';
import type { ExpectedValues, Flaw, Outcome } from './truth.js';

/** A cell: text, a number (year, serial, ID that lost its zero) or a date (XLSX date cell). */
export interface Cell {
  v: string | number | Date | null;
  numFmt?: string;
  /** A name cell: the one typed in .VnTimeH capitals when the sheet mixes fonts. */
  nameCell?: boolean;
}

export type RowKind = 'title' | 'header' | 'numbering' | 'record' | 'blank' | 'footer';

/** Truth of a record row before the orchestrator knows its record id and locator. */
export interface PendingRecord {
  person_key: string;
  expected: ExpectedValues;
  outcome: Outcome;
  reasons: string[];
  flaws: Flaw[];
}

export interface ModelRow {
  kind: RowKind;
  cells: Cell[];
  record?: PendingRecord;
}

/** 1-based, inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  /** Sheet name (XLSX); null for CSV. */
  name: string | null;
  layout: Layout;
  width: number;
  rows: ModelRow[];
  merges: Merge[];
}
