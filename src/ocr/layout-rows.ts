import type { OcrLine } from './ocr-types.js';

/**
 * A page's lines with those printed on one row joined, left to right. Tesseract sometimes reads a column of
 * labels as one block and their entries as another ("Hồ sơ hộ khẩu số:", "Họ và tên chủ hộ:", … then
 * "415118454", "Lý Chá Của", …): each entry is then a line of its own, far from its label. A line whose height
 * mostly overlaps an earlier line's, and lies wholly beside it, is that row's rest.
 *
 * @example
 * joinRows([line('Họ và tên chủ hộ:', 100, 300), line('Nơi thường trú:', 400, 300), line('Lý Chá Của', 110, 900)])
 * // ['Họ và tên chủ hộ: Lý Chá Của', 'Nơi thường trú:']
 */
export function joinRows(lines: readonly OcrLine[]): OcrLine[] {
  const rows: OcrLine[] = [];
  for (const line of lines) {
    const i = rows.findIndex((row) => sameRow(row, line));
    if (i < 0) rows.push(line);
    else rows[i] = joined(rows[i]!, line);
  }
  return rows;
}

/** Share of the shorter line's height two lines must share to be one row. */
const ROW_OVERLAP = 0.6;

function sameRow(a: OcrLine, b: OcrLine): boolean {
  const overlap = Math.min(a.bbox.y1, b.bbox.y1) - Math.max(a.bbox.y0, b.bbox.y0);
  const shorter = Math.min(a.bbox.y1 - a.bbox.y0, b.bbox.y1 - b.bbox.y0);
  const beside = b.bbox.x0 >= a.bbox.x1 || b.bbox.x1 <= a.bbox.x0;
  return beside && shorter > 0 && overlap >= ROW_OVERLAP * shorter;
}

function joined(a: OcrLine, b: OcrLine): OcrLine {
  const [left, right] = a.bbox.x0 <= b.bbox.x0 ? [a, b] : [b, a];
  const words = [...left.words, ...right.words];
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: Math.min(a.confidence, b.confidence),
    bbox: { x0: left.bbox.x0, y0: Math.min(a.bbox.y0, b.bbox.y0), x1: right.bbox.x1, y1: Math.max(a.bbox.y1, b.bbox.y1) },
    words,
  };
}
