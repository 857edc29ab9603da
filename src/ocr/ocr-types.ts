/**
 * The shapes that pass between the OCR stages: preprocessing (sharp) → recognition (tesseract.js pool) →
 * page layout (labels → fields). Coordinates are pixels of the preprocessed page image, origin top-left.
 *
 * @example
 * const word: OcrWord = { text: 'Nguyễn', confidence: 96, bbox: { x0: 307, y0: 81, x1: 479, y1: 130 } };
 */

import type { RawField } from '../ingest/source-record.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's word confidence, 0–100. */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  /** The line's text as tesseract joined it (words separated by single spaces). */
  text: string;
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

/** What tesseract read on one page, in reading order. */
export interface OcrPage {
  /** Size of the image that was recognised (the preprocessed page). */
  width: number;
  height: number;
  lines: OcrLine[];
  /** Entries read a second time on their own (see entry-reread.ts); absent on pages read before that existed. */
  rereads?: EntryReread[];
}

/** An entry cut out of the page by its box and read again as one line. */
export interface EntryReread {
  field: RawField;
  /** What the line reading said, as tesseract gave it (before post-correction). */
  text: string;
  /** Tesseract's mean confidence of the line, 0–100. */
  confidence: number;
}

/** household: the book's cover/household page (book number, head, address); member: one person's page. */
export type PageKind = 'household' | 'member' | 'other';

/** One field found on a page by its printed label. */
export interface FieldReading {
  field: RawField;
  /** The entry after the label, after field-aware post-correction (digits in IDs and dates…). */
  text: string;
  /** The entry exactly as OCR read it, before post-correction (what the reviewer compares against). */
  ocrText: string;
  /** 0–1: the lowest word confidence of the entry (one bad word makes the field doubtful), /100. */
  confidence: number;
  /** The entry's region on the preprocessed page (for the reviewer's crop); null when not located. */
  bbox: OcrBox | null;
  /**
   * The region with the one- or two-character specks at the entry's ends that were left out of its text: a
   * first letter read as a speck ("7 do" for Tự do) is still inside. What a second reading of a doubtful word
   * entry crops (entry-reread.ts). Absent: the same as bbox.
   */
  spanBox?: OcrBox | null;
}

export interface PageReading {
  kind: PageKind;
  fields: FieldReading[];
  /** Fields whose printed label was found, with an entry or without (an empty entry: nothing written there). */
  labelled: RawField[];
}
