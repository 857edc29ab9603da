import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pgm } from './preprocess-page.js';
import { TesseractPool, toOcrPage } from './tesseract-pool.js';

const run = promisify(execFile);

async function renderLines(lines: string[]): Promise<{ png: Buffer; width: number; height: number }> {
  const width = 1600;
  const height = 90 * lines.length + 60;
  const text = lines.map((l, i) => `<text x="50" y="${90 * (i + 1)}" font-family="DejaVu Serif" font-size="46">${l}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), width, height };
}

describe('TesseractPool', () => {
  const pool = new TesseractPool({ workers: 2, pagesPerWorker: 2 });
  afterAll(() => pool.close());

  it('reads Vietnamese lines into words with confidences and boxes, and keeps going past worker recycling', async () => {
    const image = await renderLines(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
    const pages = await Promise.all([1, 2, 3].map(() => pool.recognize(image.png, image)));
    for (const page of pages) {
      expect(page.lines.map((l) => l.text)).toEqual(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
      const thai = page.lines[0].words[2];
      expect(thai.text).toBe('Thái');
      expect(thai.confidence).toBeGreaterThan(80);
      expect(thai.bbox.x0).toBeGreaterThan(page.lines[0].words[1].bbox.x1);
      expect(page.width).toBe(image.width);
    }
  }, 60_000);

  it('reads a page given as a PGM with its dpi the same as the PNG', async () => {
    const image = await renderLines(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
    const gray = await sharp(image.png).toColourspace('b-w').raw().toBuffer();
    const fromPgm = await pool.recognize(pgm(gray, image.width, image.height), { width: image.width, height: image.height, dpi: 300 });
    expect(fromPgm).toEqual(await pool.recognize(image.png, image));
    expect(fromPgm.lines.map((l) => l.text)).toEqual(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
  }, 60_000);

  it('reads a one-line crop as a single line, and pages again after it on the same worker', async () => {
    const line = await renderLines(['09/12/1981']);
    const lineReading = await pool.recognizeLine(line.png);
    expect(lineReading.text).toBe('09/12/1981');
    expect(lineReading.confidence).toBeGreaterThan(80);
    const image = await renderLines(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
    const page = await pool.recognize(image.png, image);
    expect(page.lines.map((l) => l.text)).toEqual(['Dân tộc: Thái', 'Quan hệ với chủ hộ: Vợ']);
  }, 60_000);
});

describe('toOcrPage', () => {
  it("groups tesseract's TSV words under their lines, drops empty words and lines, composes text to NFC", () => {
    const decomposed = 'Thái'.normalize('NFD');
    const tsv = [
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t40\t-1\t',
      '4\t1\t1\t1\t1\t0\t0\t0\t5\t5\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t95\t ',
      '4\t1\t1\t1\t2\t0\t0\t10\t90\t20\t-1\t',
      `5\t1\t1\t1\t2\t1\t0\t10\t50\t20\t90.8\t${decomposed}`,
      '5\t1\t1\t1\t2\t2\t60\t12\t30\t18\t85.2\tLò',
      '',
    ].join('\n');
    expect(toOcrPage(tsv, { width: 100, height: 40 })).toEqual({ width: 100, height: 40, lines: [{
      text: 'Thái Lò',
      confidence: 87.5,
      bbox: { x0: 0, y0: 10, x1: 90, y1: 30 },
      words: [
        { text: 'Thái', confidence: 90, bbox: { x0: 0, y0: 10, x1: 50, y1: 30 } },
        { text: 'Lò', confidence: 85, bbox: { x0: 60, y0: 12, x1: 90, y1: 30 } },
      ],
    }] });
  });
});

describe('the Vietnamese model is offline', () => {
  it('reads a page in a network namespace with no network, and never tries to connect', async () => {
    const { stdout } = await run('unshare', ['-n', process.execPath, '--import', 'tsx', 'test/support/ocr-offline-probe.ts'], { timeout: 60_000 });
    const result = JSON.parse(stdout) as { text: string; attempts: string[] };
    expect(result.text).toBe('Họ và tên: Nguyễn Thị Hường');
    expect(result.attempts).toEqual([]);
  }, 60_000);
});
