import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { correctField } from './field-correction.js';
import { REREAD_FIELDS, rereadEntries } from './entry-reread.js';
import { readPage } from './page-layout.js';
import { applyRereads, DOUBTFUL } from './reading-agreement.js';
import { preprocessPage } from './preprocess-page.js';
import { TesseractPool } from './tesseract-pool.js';

/** A member page's upper half as a 1990s–2000s edition prints it: sans-serif labels, entries in italic serif. */
async function renderEntries(rows: [label: string, entry: string][]): Promise<{ page: 1; gray: Buffer; width: number; height: number; dpi: number }> {
  const width = 1748;
  const height = 140 + 110 * rows.length;
  const text = rows.map(([label, entry], i) => {
    const y = 120 + 110 * i;
    return `<text x="150" y="${y}" font-family="DejaVu Sans" font-size="38">${label}</text>`
      + `<text x="720" y="${y}" font-family="FreeSerif" font-style="italic" font-size="42" fill="#1d1d4f">${entry}</text>`
      + `<line x1="700" y1="${y + 14}" x2="1600" y2="${y + 14}" stroke="#333" stroke-width="3"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  const gray = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).toColourspace('b-w').raw().toBuffer();
  return { page: 1, gray, width, height, dpi: 300 };
}

describe('rereadEntries', () => {
  const pool = new TesseractPool({ workers: 1 });
  afterAll(() => pool.close());

  it('reads each digit and name entry again from its own crop, and nothing else', async () => {
    const pre = await preprocessPage(await renderEntries([
      ['Họ và tên:', 'Chang A Lềnh'],
      ['Ngày tháng năm sinh:', '11.04.2021'],
      ['Giới tính:', 'Nam'],
      ['Số CCCD:', '011221148687'],
    ]));
    const page = await rereadEntries(await pool.recognize(pre.ocrPng, pre), pre, pool);
    const fields = readPage(page).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['full_name', 'birth_date', 'personal_id']));
    expect(page.rereads!.map((r) => r.field).sort()).toEqual(fields.filter((f) => REREAD_FIELDS.has(f)).sort());
    const reread = new Map(page.rereads!.map((r) => [r.field, correctField(r.field, r.text)]));
    expect(reread.get('birth_date')).toBe('11/04/2021');
    // Put together with the page's reading: each digit field is right, or goes to review.
    const truth: Record<string, string> = { birth_date: '11/04/2021', personal_id: '011221148687' };
    const agreed = applyRereads(readPage(page), page.rereads, new Date('2026-11-28')).fields.filter((f) => f.field in truth);
    expect(agreed).toHaveLength(2);
    for (const f of agreed) expect(f.text === truth[f.field] || f.confidence <= DOUBTFUL, `${f.field}: ${f.text} at ${f.confidence}`).toBe(true);
  }, 60_000);

  it('reads nothing again on a page without digit or name entries', async () => {
    const pre = await preprocessPage(await renderEntries([['Dân tộc:', 'Thái'], ['Tôn giáo:', 'Không']]));
    const page = await rereadEntries(await pool.recognize(pre.ocrPng, pre), pre, pool);
    expect(page.rereads).toEqual([]);
  }, 60_000);
});
