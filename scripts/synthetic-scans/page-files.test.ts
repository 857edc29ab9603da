import { describe, it, expect, beforeAll } from 'vitest';
import sharp from 'sharp';
import * as mupdf from 'mupdf';
import { Rng } from '../synthetic/prng.js';
import { damagePage, type DamageLevel, type ScannedPage } from './scan-damage.js';
import { encodePage, writePdfBook, writeTiffBook } from './page-files.js';

/** Three pages told apart by how much of them is black (page n has n black bands). */
async function book(level: DamageLevel): Promise<ScannedPage[]> {
  return Promise.all([1, 2, 3].map((n) =>
    damagePage(Array.from({ length: n }, (_, i) => `<rect x="0" y="${200 + i * 600}" width="1748" height="300" fill="#000"/>`).join(''),
      level, new Rng(n))));
}

const darkness = async (img: ReturnType<typeof sharp>) => 255 - (await img.stats()).channels[0].mean;

describe('writeTiffBook', () => {
  let clean: ScannedPage[];
  let poor: ScannedPage[];
  beforeAll(async () => {
    [clean, poor] = await Promise.all([book('clean'), book('poor')]);
  });

  it.each(['clean', 'poor'] as const)('writes one IFD a page in order (%s), readable page by page by sharp', async (level) => {
    const pages = level === 'clean' ? clean : poor;
    const tiff = await writeTiffBook(pages);
    const meta = await sharp(tiff).metadata();
    expect([meta.format, meta.pages, meta.width, meta.height]).toEqual(['tiff', 3, pages[0].width, pages[0].height]);
    expect(meta.density).toBeCloseTo(pages[0].dpi, 0);
    const dark = await Promise.all([0, 1, 2].map((page) => darkness(sharp(tiff, { page }))));
    expect(dark[0]).toBeLessThan(dark[1]);
    expect(dark[1]).toBeLessThan(dark[2]);
  });

  it('keeps grey books grey', async () => {
    const meta = await sharp(await writeTiffBook(clean)).metadata();
    expect(meta.channels).toBe(1);
  });
});

describe('writePdfBook', () => {
  it.each(['clean', 'moderate'] as const)('writes an image-only A5 PDF with one page a scan (%s)', async (level) => {
    const pages = await book(level);
    const pdf = await writePdfBook(pages);
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    try {
      expect(doc.countPages()).toBe(3);
      const [, , w, h] = doc.loadPage(0).getBounds();
      expect(w).toBeCloseTo((148 / 25.4) * 72, 0);
      expect(h).toBeCloseTo((210 / 25.4) * 72, 0);
      expect(doc.loadPage(1).toStructuredText('preserve-whitespace').asText().trim()).toBe('');
      const dark = [0, 2].map((i) => {
        const pm = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(0.25, 0.25), mupdf.ColorSpace.DeviceGray, false);
        const px = pm.getPixels();
        let sum = 0;
        for (const v of px) sum += 255 - v;
        return sum / px.length;
      });
      expect(dark[0]).toBeLessThan(dark[1]);
    } finally {
      doc.destroy();
    }
  });
});

describe('encodePage', () => {
  it('writes single pages as PNG or JPEG with the scan resolution', async () => {
    const [page] = await book('clean');
    const png = await sharp(await encodePage(page, 'png')).metadata();
    expect([png.format, png.channels, png.density]).toEqual(['png', 1, 300]);
    const jpg = await sharp(await encodePage(page, 'jpeg')).metadata();
    expect([jpg.format, jpg.width, jpg.density]).toEqual(['jpeg', 1748, 300]);
  });
});
