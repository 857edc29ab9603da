import { afterAll, describe, expect, it } from 'vitest';
import { correctField } from './field-correction.js';
import { renderTestPage, TEST_ROWS, VALUE_X } from './image-test-pages.js';
import type { OcrPage } from './ocr-types.js';
import { readPage } from './page-layout.js';
import { preprocessPage } from './preprocess-page.js';
import { readScanPage, scaledPage } from './read-scan-page.js';
import { TesseractPool } from './tesseract-pool.js';

describe('scaledPage', () => {
  it('multiplies every box to whole pixels of the page it is given', () => {
    const page: OcrPage = { width: 100, height: 50, lines: [{ text: 'Nam', confidence: 90, bbox: { x0: 10, y0: 5, x1: 30.4, y1: 15 }, words: [
      { text: 'Nam', confidence: 90, bbox: { x0: 10, y0: 5, x1: 30.4, y1: 15 } },
    ] }], rereads: [] };
    const scaled = scaledPage(page, 1 / 0.4, { width: 250, height: 125 });
    expect(scaled.lines[0].bbox).toEqual({ x0: 25, y0: 13, x1: 76, y1: 38 });
    expect(scaled.lines[0].words[0].bbox).toEqual(scaled.lines[0].bbox);
    expect([scaled.width, scaled.height, scaled.lines[0].text, scaled.rereads]).toEqual([250, 125, 'Nam', []]);
    expect(page.lines[0].bbox.x0).toBe(10); // the page given is left as it was
  });
});

describe('readScanPage', () => {
  const pool = new TesseractPool({ workers: 1 });
  afterAll(() => pool.close());

  it('reads the shrunk page and gives its boxes in the preprocessed page’s pixels', async () => {
    const pre = await preprocessPage((await renderTestPage()).image);
    expect(pre.readScale).toBeLessThan(0.8);
    const page = await readScanPage(pre, pool);
    expect([page.width, page.height]).toEqual([pre.width, pre.height]);
    const fields = readPage(page).fields;
    const name = fields.find((f) => f.field === 'full_name')!;
    expect(name.text).toBe(TEST_ROWS.find(([label]) => label.startsWith('Họ và tên'))![1]);
    // The entry's box is where the page printed it, not where it sits on the shrunk image.
    expect(Math.abs(name.bbox!.x0 - VALUE_X)).toBeLessThan(25);
    expect(page.rereads!.map((r) => r.field)).toContain('full_name');
    expect(correctField('full_name', page.rereads!.find((r) => r.field === 'full_name')!.text)).toBe(name.text);
  }, 60_000);
});
