import { describe, expect, it } from 'vitest';
import { pageFromLines } from './layout-test-lines.js';
import { joinRows } from './layout-rows.js';
import type { OcrLine } from './ocr-types.js';
import { readPage } from './page-layout.js';

/** The lines moved right by dx and down by dy. */
function moved(lines: readonly OcrLine[], dx: number, dy = 0): OcrLine[] {
  const box = (b: OcrLine['bbox']) => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
  return lines.map((l) => ({ ...l, bbox: box(l.bbox), words: l.words.map((w) => ({ ...w, bbox: box(w.bbox) })) }));
}

const labels = pageFromLines(['Hồ sơ hộ khẩu số:', 'Họ và tên chủ hộ:', 'Nơi thường trú:']).lines;
const entries = moved(pageFromLines(['415118454', 'Lý Chá Của', 'Bản Tà Cáng, xã Chà Tở, huyện Nậm Pồ, tỉnh Điện Biên']).lines, 500, 4);
/** A heading printed above the labels, read after them. */
const heading = moved(pageFromLines(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']).lines, 300, -90);

describe('joinRows', () => {
  it('joins the entries tesseract read as a block of their own to their labels, left to right', () => {
    const rows = joinRows([...labels, ...heading, ...entries]);
    expect(rows.map((r) => r.text)).toEqual([
      'Hồ sơ hộ khẩu số: 415118454',
      'Họ và tên chủ hộ: Lý Chá Của',
      'Nơi thường trú: Bản Tà Cáng, xã Chà Tở, huyện Nậm Pồ, tỉnh Điện Biên',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]);
    expect(rows[0].words.map((w) => w.text)).toEqual(['Hồ', 'sơ', 'hộ', 'khẩu', 'số:', '415118454']);
    expect(rows[0].bbox).toEqual({ x0: labels[0].bbox.x0, y0: labels[0].bbox.y0, x1: entries[0].bbox.x1, y1: entries[0].bbox.y1 });
    expect(joinRows([...entries.slice(0, 1), ...labels.slice(0, 1)])[0].text).toBe('Hồ sơ hộ khẩu số: 415118454');
  });

  it('leaves lines apart that overlap sideways or share too little of their height', () => {
    const lines = pageFromLines(['Nơi thường trú: Bản Tà Cáng, xã Chà Tở,', 'huyện Nậm Pồ, tỉnh Điện Biên']).lines;
    expect(joinRows(lines)).toHaveLength(2);
    const halfBelow = moved(pageFromLines(['Nam']).lines, 900, 25); // 40-px lines sharing 15 px
    expect(joinRows([...labels.slice(0, 1), ...halfBelow])).toHaveLength(2);
    const over = moved(labels.slice(0, 1), 100); // overlaps the label sideways: another reading, not its rest
    expect(joinRows([...labels.slice(0, 1), ...over])).toHaveLength(2);
  });
});

describe('readPage with entries read apart from their labels', () => {
  it("finds the household page's fields, and no heading above taken as the address's next line", () => {
    const reading = readPage({ width: 2480, height: 800, lines: [...labels, ...heading, ...entries] });
    expect(reading.kind).toBe('household');
    expect(Object.fromEntries(reading.fields.map((f) => [f.field, f.text]))).toMatchObject({
      household_book_no: '415118454',
      household_head: 'Lý Chá Của',
      address: 'Bản Tà Cáng, xã Chà Tở, huyện Nậm Pồ, tỉnh Điện Biên',
    });
  });
});
