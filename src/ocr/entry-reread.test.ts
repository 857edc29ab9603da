import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { correctField } from './field-correction.js';
import { entriesToReread, REREAD_FIELDS, REREAD_WHEN_DOUBTFUL } from './entry-reread.js';
import { pageFromLines } from './layout-test-lines.js';
import { readPage } from './page-layout.js';
import { applyRereads, DOUBTFUL } from './reading-agreement.js';
import { preprocessPage } from './preprocess-page.js';
import { readScanPage } from './read-scan-page.js';
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

describe('rereadEntries (through readScanPage)', () => {
  const pool = new TesseractPool({ workers: 1 });
  afterAll(() => pool.close());

  it('reads each digit and name entry again from its own crop', async () => {
    const pre = await preprocessPage(await renderEntries([
      ['Họ và tên:', 'Chang A Lềnh'],
      ['Ngày tháng năm sinh:', '11.04.2021'],
      ['Giới tính:', 'Nam'],
      ['Số CCCD:', '011221148687'],
    ]));
    const page = await readScanPage(pre, pool);
    const fields = readPage(page).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['full_name', 'birth_date', 'personal_id']));
    expect(page.rereads!.map((r) => r.field)).toEqual(expect.arrayContaining(fields.filter((f) => REREAD_FIELDS.has(f))));
    expect(page.rereads!.every((r) => REREAD_FIELDS.has(r.field) || REREAD_WHEN_DOUBTFUL.has(r.field))).toBe(true);
    const reread = new Map(page.rereads!.map((r) => [r.field, correctField(r.field, r.text)]));
    expect(reread.get('birth_date')).toBe('11/04/2021');
    // Put together with the page's reading: each digit field is right, or goes to review.
    const truth: Record<string, string> = { birth_date: '11/04/2021', personal_id: '011221148687' };
    const agreed = applyRereads(readPage(page), page.rereads, new Date('2026-11-28')).fields.filter((f) => f.field in truth);
    expect(agreed).toHaveLength(2);
    for (const f of agreed) expect(f.text === truth[f.field] || f.confidence <= DOUBTFUL, `${f.field}: ${f.text} at ${f.confidence}`).toBe(true);
  }, 60_000);

  it('reads nothing again on a page whose word entries are sure and plausible', async () => {
    const pre = await preprocessPage(await renderEntries([['Dân tộc:', 'Thái'], ['Tôn giáo:', 'Không']]));
    const page = await readScanPage(pre, pool);
    expect(page.rereads).toEqual([]);
  }, 60_000);
});

describe('entriesToReread', () => {
  const fields = (lines: Parameters<typeof pageFromLines>[0]) => entriesToReread(pageFromLines(lines)).map((f) => f.field);

  it('always picks digits, names and the household address parts', () => {
    expect(fields(['Họ và tên: Lò Văn Ơn', 'Ngày, tháng, năm sinh: 12/03/1985', 'Dân tộc: Thái'])).toEqual(['full_name', 'birth_date']);
    expect(fields(['Họ và tên chủ hộ: Lò Văn Ơn', 'Số nhà: 104', 'Thôn/bản/tổ: Tổ 13', 'Xã/phường/thị trấn: Na Lay']))
      .toEqual(expect.arrayContaining(['household_head', 'address', 'hamlet', 'commune']));
  });

  it('picks a word entry only when its reading is doubtful: not a value of its list, or with a digit', () => {
    expect(fields(['Quan hệ với chủ hộ: Chủ hộ', 'Dân tộc: Thái', 'Nghề nghiệp: Làm ruộng'])).toEqual([]);
    expect(fields(['Quan hệ với chủ hộ: hộ'])).toEqual(['relation_to_head']);
    // Unsure but plausible: to review anyway, and a second plausible reading could not tell.
    expect(fields([{ text: 'Dân tộc: Thái', confidence: { Thái: 60 } }])).toEqual([]);
    expect(fields(['Dân tộc: Xinh'])).toEqual(['ethnicity']);
    // An unsure occupation that is none of the usual ones: read alone it may be one.
    expect(fields([{ text: 'Nghề nghiệp: Học sinh xi', confidence: { xi: 30 } }])).toEqual(['occupation']);
    expect(fields([{ text: 'Nghề nghiệp: Học sinh', confidence: { sinh: 30 } }])).toEqual([]);
    expect(fields(['Nghề nghiệp: 7hợ may'])).toEqual(['occupation']);
  });

  it('does not read an entry wrapped over two lines as one line', () => {
    const page = pageFromLines(['Họ và tên: Lò Văn Ơn', 'Dân tộc: Thái', 'Nơi sinh: xã Nà Tòng', 'Tôn giáo: Không']);
    const wrapped = { ...page, lines: page.lines.map((l) => l.text.startsWith('Nơi sinh') ? { ...l, bbox: { ...l.bbox, y1: l.bbox.y1 + 60 }, words: l.words.map((w) => ({ ...w, bbox: { ...w.bbox, y1: w.bbox.y1 + 60 } })) } : l) };
    const doubtful = { ...wrapped, lines: wrapped.lines.map((l) => l.text.startsWith('Nơi sinh') ? { ...l, words: l.words.map((w) => ({ ...w, text: w.text.replace('Tòng', 'T0ng') })) } : l) };
    expect(entriesToReread(doubtful).map((f) => f.field)).toEqual(['full_name']);
  });
});
