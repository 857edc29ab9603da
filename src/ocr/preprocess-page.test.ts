import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEADER_X, ROW_STEP, ROW_Y0, TEST_PAGE, TEST_ROWS, VALUE_X, renderTestPage } from './image-test-pages.js';
import type { PageImage } from './page-images.js';
import { estimateSkew } from './preprocess-deskew.js';
import { flatField } from './preprocess-flat-field.js';
import { type PreprocessedPage, preprocessPage } from './preprocess-page.js';
import { GLYPH_TARGET } from './preprocess-read-scale.js';
import { pageScale } from './preprocess-scale.js';

interface Decoded {
  data: Buffer;
  width: number;
  height: number;
}

async function decode(png: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const binaryOf = (pre: PreprocessedPage): Decoded => ({ data: Buffer.from(pre.binary), width: pre.width, height: pre.height });
const viewOf = (pre: PreprocessedPage): Decoded => ({ data: Buffer.from(pre.view), width: pre.width, height: pre.height });

/** A binary PGM (P5) as written by pgm(): header lines, then the pixels. */
function decodePgm(file: Buffer): Decoded {
  const header = /^P5\n(\d+) (\d+)\n255\n/.exec(file.toString('latin1', 0, 40));
  if (header === null) throw new Error('not a binary PGM');
  return { data: file.subarray(header[0].length), width: Number(header[1]), height: Number(header[2]) };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Pixels darker than `level` inside the box (exclusive right and bottom). */
function dark(img: Decoded | PageImage, box: Box, level = 128): number {
  const data = 'data' in img ? img.data : img.gray;
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (data[y * img.width + x]! < level) n++;
  return n;
}

function mean(img: Decoded | PageImage, box: Box): number {
  const data = 'data' in img ? img.data : img.gray;
  let sum = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) sum += data[y * img.width + x]!;
  return sum / ((box.x1 - box.x0) * (box.y1 - box.y0));
}

const rowY = (i: number): number => ROW_Y0 + i * ROW_STEP;
const leaderBox = (i: number): Box => ({ x0: LEADER_X - 5, y0: rowY(i) - 30, x1: VALUE_X - 45, y1: rowY(i) + 8 });
const labelBox = (i: number): Box => ({ x0: 100, y0: rowY(i) - 50, x1: LEADER_X - 10, y1: rowY(i) + 14 });
const valueBox = (i: number): Box => ({ x0: VALUE_X - 5, y0: rowY(i) - 50, x1: TEST_PAGE.width - 90, y1: rowY(i) + 14 });
/** Above the x-height of a row: the marks over letters (ễ, ờ, ấ…) and the tops of ascenders. */
const marksBox = (i: number): Box => ({ x0: VALUE_X - 5, y0: rowY(i) - 52, x1: TEST_PAGE.width - 90, y1: rowY(i) - 23 });
const ruleBox = (i: number): Box => ({ x0: 110, y0: rowY(i) + 15, x1: VALUE_X - 45, y1: rowY(i) + 30 });
const BLANK: Box = { x0: 120, y0: 2120, x1: 1620, y1: 2400 };

describe('preprocessPage: form lines, dotted leaders, diacritics', () => {
  let input: PageImage;
  let withForms: PreprocessedPage;
  let withoutForms: PreprocessedPage;
  let ocrForms: Decoded;
  let ocrPlain: Decoded;

  beforeAll(async () => {
    input = (await renderTestPage()).image;
    withForms = await preprocessPage(input);
    withoutForms = await preprocessPage((await renderTestPage({ forms: false })).image);
    ocrForms = binaryOf(withForms);
    ocrPlain = binaryOf(withoutForms);
  });

  it('keeps a straight 300-dpi page at its geometry', () => {
    expect([withForms.width, withForms.height, withForms.scale, withForms.dpi]).toEqual([1748, 2480, 1, 300]);
    expect(Math.abs(withForms.angleDegrees)).toBeLessThan(0.1);
  });

  it.each(TEST_ROWS.map((row, i) => [row[0], i] as const))('erases the dotted leader after "%s"', (_label, i) => {
    expect(dark(input, leaderBox(i))).toBeGreaterThan(100);
    expect(dark(ocrForms, leaderBox(i))).toBeLessThanOrEqual(dark(input, leaderBox(i)) * 0.02);
  });

  it('erases ruling lines and the box border', () => {
    for (const i of [2, 5, 8, 11]) {
      expect(dark(input, ruleBox(i))).toBeGreaterThan(1000);
      expect(dark(ocrForms, ruleBox(i))).toBeLessThanOrEqual(20);
    }
    const left = { x0: 70, y0: 480, x1: 92, y1: 1900 };
    const divider = { x0: VALUE_X - 40, y0: 480, x1: VALUE_X - 20, y1: 1900 };
    for (const box of [left, divider]) {
      expect(dark(input, box)).toBeGreaterThan(2000);
      expect(dark(ocrForms, box)).toBeLessThanOrEqual(20);
    }
  });

  it.each(TEST_ROWS.map((row, i) => [`${row[0]} ${row[1]}`, i] as const))('keeps the text of "%s"', (_text, i) => {
    for (const box of [labelBox(i), valueBox(i)]) {
      const plain = dark(ocrPlain, box);
      expect(plain).toBeGreaterThan(500);
      expect(Math.abs(dark(ocrForms, box) - plain)).toBeLessThanOrEqual(plain * 0.03);
    }
  });

  it('keeps the diacritics over "Nguyễn Thị Hường" and "Huyện Điện Biên"', () => {
    for (const i of [1, 6]) {
      const plain = dark(ocrPlain, marksBox(i));
      expect(plain).toBeGreaterThan(300);
      expect(dark(ocrForms, marksBox(i))).toBeGreaterThanOrEqual(plain * 0.95);
    }
  });

  it('never takes diacritics or the dots of i for a leader on a page without leaders', () => {
    expect(withoutForms.removed.leaders).toBe(0);
    expect(withoutForms.removed.leaderPixels).toBe(0);
    expect(withForms.removed.leaders).toBeGreaterThanOrEqual(TEST_ROWS.length);
  });
});

describe('preprocessPage: damaged scans', () => {
  it('turns yellowed, unevenly lit paper white and keeps the text', async () => {
    const { image } = await renderTestPage({ yellow: true });
    const pre = await preprocessPage(image);
    const view = viewOf(pre);
    const ocr = binaryOf(pre);
    const corner = { x0: 1300, y0: 2200, x1: 1700, y1: 2450 };
    expect(mean(image, corner)).toBeLessThan(170);
    expect(mean(view, corner)).toBeGreaterThan(245);
    expect(mean(view, BLANK)).toBeGreaterThan(245);
    expect(dark(ocr, BLANK)).toBe(0);
    const clean = binaryOf(await preprocessPage((await renderTestPage()).image));
    for (const i of [0, 6, 12]) {
      expect(Math.abs(dark(ocr, valueBox(i)) - dark(clean, valueBox(i)))).toBeLessThanOrEqual(dark(clean, valueBox(i)) * 0.1);
    }
  });

  it("keeps the rim of yellowed paper scanned on the scanner's white bed white, and the letters printed near it", async () => {
    const damage = { yellow: true, noise: 14, blur: 1 };
    const { image } = await renderTestPage(damage);
    const bed = 120;
    const { data, info } = await sharp(image.gray, { raw: { width: image.width, height: image.height, channels: 1 } })
      .extend({ top: bed, bottom: bed, left: bed, right: bed, background: '#ffffff' })
      .toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const pre = await preprocessPage({ page: 1, gray: data, width: info.width, height: info.height, dpi: 300 });
    const ocr = binaryOf(pre);
    // The paper's rims (no print there), darkest at the bottom right: the bed must not make them look darker
    // than paper (with the bed standing in for the paper, ≈ 10 000 and 20 000 pixels there binarized as ink).
    expect(dark(ocr, { x0: bed + 300, y0: bed + 2390, x1: bed + 1500, y1: bed + 2476 })).toBeLessThan(50);
    expect(dark(ocr, { x0: bed + 1660, y0: bed + 300, x1: bed + 1744, y1: bed + 2300 })).toBeLessThan(50);
    const plain = binaryOf(await preprocessPage((await renderTestPage(damage)).image));
    for (const i of [0, 6, 12]) {
      const label = { x0: 100, y0: ROW_Y0 + i * ROW_STEP - 45, x1: 400, y1: ROW_Y0 + i * ROW_STEP + 15 };
      const moved = { x0: label.x0 + bed, y0: label.y0 + bed, x1: label.x1 + bed, y1: label.y1 + bed };
      expect(Math.abs(dark(ocr, moved) - dark(plain, label))).toBeLessThanOrEqual(dark(plain, label) * 0.1);
    }
  });

  it('straightens a rotated, noisy JPEG scan and leaves its blank paper blank', async () => {
    const { image } = await renderTestPage({ rotate: 3, blur: 1, noise: 14, jpegQuality: 50 });
    const pre = await preprocessPage(image);
    expect(Math.abs(pre.angleDegrees - 3)).toBeLessThanOrEqual(0.3);
    const view = viewOf(pre);
    expect([view.width, view.height]).toEqual([pre.width, pre.height]);
    const ocr = binaryOf(pre);
    expect([ocr.width, ocr.height]).toEqual([pre.width, pre.height]);
    // Straight now: what is left of the skew is within the estimate's precision.
    expect(Math.abs(estimateSkew(view.data, view.width, view.height))).toBeLessThanOrEqual(0.2);
    expect(dark(ocr, { x0: 200, y0: 2250, x1: 1600, y1: 2450 })).toBeLessThan(50);
  });

  it('scales a 150-dpi scan up to 300 dpi', async () => {
    const { image } = await renderTestPage({ dpi: 150 });
    const pre = await preprocessPage(image);
    expect([pre.scale, pre.dpi, pre.dpiGuessed, pre.width, pre.height]).toEqual([2, 300, false, 1748, 2480]);
  });
});

describe('preprocessPage: the image tesseract reads', () => {
  it("is the page shrunk so its tall letters are GLYPH_TARGET pixels high, whatever the scan's dpi", async () => {
    const at300 = await preprocessPage((await renderTestPage()).image);
    // Printed at 40 px (≈ 10 pt at 300 dpi): capitals and ascenders ≈ 0.7 of that.
    expect(at300.glyphHeight).toBeGreaterThanOrEqual(26);
    expect(at300.glyphHeight).toBeLessThanOrEqual(32);
    expect(at300.readScale).toBeCloseTo(GLYPH_TARGET / at300.glyphHeight!, 5);
    const read = decodePgm(at300.readImage);
    expect([read.width, read.height]).toEqual([Math.round(1748 * at300.readScale), Math.round(2480 * at300.readScale)]);
    // Shrunk with a filter, not sampled: stroke edges are gray, not only black and white.
    const levels = new Set(read.data);
    expect(levels.size).toBeGreaterThan(50);
    const at150 = await preprocessPage((await renderTestPage({ dpi: 150 })).image);
    expect(Math.abs(at150.glyphHeight! - at300.glyphHeight!)).toBeLessThanOrEqual(2);
  });

  it('is the binary page itself on a page with no text to measure', async () => {
    const blank = { page: 1, gray: Buffer.alloc(1748 * 2480, 255), width: 1748, height: 2480, dpi: 300 };
    const pre = await preprocessPage(blank);
    expect([pre.glyphHeight, pre.readScale]).toEqual([null, 1]);
    expect(decodePgm(pre.readImage).width).toBe(1748);
  });
});

describe('estimateSkew', () => {
  let base: Buffer;
  let plain: Buffer;
  beforeAll(async () => {
    base = (await renderTestPage()).image.gray;
    plain = (await renderTestPage({ forms: false })).image.gray;
  });

  async function rotated(gray: Buffer, degrees: number): Promise<Decoded> {
    const { width, height } = TEST_PAGE;
    const { data, info } = await sharp(gray, { raw: { width, height, channels: 1 } })
      .rotate(degrees, { background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  }

  it.each([-4.5, -0.6, 0, 1.3, 4.75])('finds a %s° rotation within 0.3°', async (degrees) => {
    const img = await rotated(base, degrees);
    const flat = flatField(img.data, img.width, img.height).gray;
    expect(Math.abs(estimateSkew(flat, img.width, img.height) - degrees)).toBeLessThanOrEqual(0.3);
  });

  it('finds the angle from text lines alone (no ruling lines)', async () => {
    const img = await rotated(plain, -2.6);
    expect(Math.abs(estimateSkew(img.data, img.width, img.height) + 2.6)).toBeLessThanOrEqual(0.3);
  });

  it('does not rotate a blank page', () => {
    expect(estimateSkew(new Uint8Array(800 * 1000).fill(250), 800, 1000)).toBe(0);
  });
});

describe('pageScale', () => {
  it.each([
    ['A5 at 300 dpi', 1748, 2480, 300, { scale: 1, sourceDpi: 300, dpiGuessed: false }],
    ['A5 at 150 dpi', 874, 1240, 150, { scale: 2, sourceDpi: 150, dpiGuessed: false }],
    ['A5 at 600 dpi', 3496, 4960, 600, { scale: 0.5, sourceDpi: 600, dpiGuessed: false }],
    ['A4 at 200 dpi', 1654, 2339, 200, { scale: 1.5, sourceDpi: 200, dpiGuessed: false }],
    ['fax at 100 dpi: never more than 2×', 827, 1169, 100, { scale: 2, sourceDpi: 100, dpiGuessed: false }],
    ['JPEG default 72 dpi on a 300-dpi scan: guessed A5', 1748, 2480, 72, { scale: 1, sourceDpi: 300, dpiGuessed: true }],
    ['no dpi, phone photo 3024×4032: guessed A5', 3024, 4032, null, { scale: 0.578, sourceDpi: 519, dpiGuessed: true }],
    ['within 8 % of 300 dpi: left alone', 1700, 2400, 290, { scale: 1, sourceDpi: 290, dpiGuessed: false }],
  ] as const)('%s', (_name, width, height, dpi, expected) => {
    const got = pageScale(width, height, dpi);
    expect({ ...got, scale: Math.round(got.scale * 1000) / 1000 }).toEqual(expected);
  });
});
