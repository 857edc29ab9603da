import type { Components } from './preprocess-components.js';

/**
 * The scale tesseract reads a page at. Tesseract's LSTM reads each line shrunk to a small fixed height. Left to
 * shrink a binary page at 300 dpi itself, it keeps hard stair-stepped edges; shrunk beforehand with a Lanczos
 * filter, the strokes keep their shape in gray edges. A page whose tall letters (ascenders, capitals) are
 * about GLYPH_TARGET pixels high reads better, and faster. bench:ocr pages (tall letters ≈ 30 px at 300 dpi),
 * raw entries right out of 509–525 read at each scale:
 * - seed 11 clean: 359 at 1, 387 at 0.5;
 * - seed 7 moderate: 405 at 1, 417 at 0.4, 426 at 0.5, 425 at 0.6, 413 at 0.7;
 * - seed 7 poor: 317 at 1, 350 at 0.5, 368 at 0.6, 338 at 0.7.
 * Tesseract took about 25% less time at 0.5. An entry cut out and read again alone gains the same way: names
 * right 209 of 220 at 0.5 against 196, digit entries 147 of 183 against 131.
 *
 * The scale follows the print's size, not the scan's dpi, so a book printed larger or smaller shrinks to the
 * same letter height.
 */
export const GLYPH_TARGET = 17;
/** Never shrunk below this: strokes would merge whatever the print. */
const MIN_SCALE = 0.3;
/** Fewer letter-like marks than this is no text to measure (a blank or a photo): read as it is. */
const MIN_GLYPHS = 40;
/** The share of letter-like marks below the height taken: the tall letters, past diacritics and broken strokes. */
const TALL_SHARE = 0.9;

/**
 * The scale (≤ 1) that brings the page's tall letters to GLYPH_TARGET pixels; 1 when there is nothing to measure.
 *
 * @example
 * readScale(30); // 0.5666…
 * readScale(12); // 1 (small print is never enlarged)
 * readScale(null); // 1
 */
export function readScale(glyphHeight: number | null): number {
  if (glyphHeight === null) return 1;
  return Math.min(1, Math.max(MIN_SCALE, GLYPH_TARGET / glyphHeight));
}

/**
 * The height of the page's tall letters: the 90th percentile height of the marks that look like letters (not
 * specks, not wider than four times their height, not among those `skip` names), null when too few.
 * Diacritics, dots and letters broken by a poor scan are many and short; the tall letters (b, h, k, l, Đ, capitals)
 * are the print's size.
 *
 * @example
 * glyphHeight(findComponents(ink, 1748, 2480), 300, (c) => removed[c] === 1); // 30 on a page printed at ≈ 10 pt
 */
export function glyphHeight(blobs: Components, dpi: number, skip: (component: number) => boolean): number | null {
  const minArea = 20 * (dpi / 300) ** 2;
  const heights: number[] = [];
  for (let c = 0; c < blobs.count; c++) {
    if (skip(c) || blobs.area[c]! < minArea) continue;
    const h = blobs.y1[c]! - blobs.y0[c]! + 1;
    const w = blobs.x1[c]! - blobs.x0[c]! + 1;
    if (w <= 4 * h) heights.push(h);
  }
  if (heights.length < MIN_GLYPHS) return null;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(TALL_SHARE * (heights.length - 1))]!;
}
