import sharp from 'sharp';
import type { PageImage } from './page-images.js';
import { binarize } from './preprocess-binarize.js';
import { estimateSkew, rotateGray } from './preprocess-deskew.js';
import { flatField } from './preprocess-flat-field.js';
import { removeLeadersAndSpecks } from './preprocess-leaders.js';
import { removeRulingLines } from './preprocess-lines.js';
import { readScale } from './preprocess-read-scale.js';
import { pageScale } from './preprocess-scale.js';

/**
 * A page ready for tesseract, with the image reviewers see. `binary` and `view` are raw pixels (one byte a pixel,
 * row after row, `width` × `height`) of the same geometry, so a word box tesseract returns crops the same words
 * out of both. Only what tesseract reads is encoded: a page's pixels are cut from, never decoded again.
 *
 * @example
 * const pre: PreprocessedPage = await preprocessPage(page);
 * // { binary, view, readImage, readScale, width: 1760, height: 2498, angleDegrees: 2.95, scale: 1, … }
 */
export interface PreprocessedPage {
  /** Black text on white (0 and 255 only), form lines, dotted leaders and specks removed. */
  binary: Uint8Array;
  /**
   * What tesseract reads: `binary` shrunk by `readScale` with a Lanczos filter, so its tall letters are about
   * GLYPH_TARGET pixels high (see preprocess-read-scale.ts), as a binary PGM (P5: a header and the raw pixels;
   * tesseract.js copies it in, where a PNG costs a zlib encode here and a decode in WebAssembly). Word boxes
   * read off it are multiplied back by 1 / readScale to land on `binary` and `view`.
   */
  readImage: Buffer;
  readScale: number;
  /** Deskewed, flat-fielded grayscale page: what a person should look at. */
  view: Uint8Array;
  width: number;
  height: number;
  /** Skew found in the scan, degrees clockwise; the page was rotated back by −angleDegrees. */
  angleDegrees: number;
  /** Resize factor applied to the source pixels before deskewing (1 = unchanged). */
  scale: number;
  /** Resolution the output is at (≈300 unless the 2× upscale limit was reached). */
  dpi: number;
  /** True when the source had no believable dpi and the page was assumed to be A5. */
  dpiGuessed: boolean;
  /** The height of the print's tall letters, pixels (null on a page without text to measure). */
  glyphHeight: number | null;
  /** What was removed, for logs and tests. */
  removed: { linePixels: number; leaderPixels: number; speckPixels: number; leaders: number };
}

/**
 * Bumped whenever preprocessing changes its output: OCR results cached under a page's source pixels carry word
 * boxes in the preprocessed geometry, so a cache key should include this.
 */
export const PREPROCESS_VERSION = 3;

/** Rotations below this are left alone: resampling would blur more than the skew hurts. */
const MIN_ROTATION = 0.1;

/**
 * Grayscale → scale to ~300 dpi → flat-field (divide by the paper) → deskew → binarize (Otsu) → remove ruling
 * lines, box borders, dotted leaders and specks. Pure computation on the page's pixels, in plain typed-array
 * loops: ≈ 190 ms of CPU for an A5 page at 300 dpi on the 2-core build machine (flat-field ≈ 60, ruling lines
 * ≈ 40, rotation ≈ 37, skew ≈ 20), a quarter of what a page costs end to end; tesseract reading it takes ≈ 430.
 *
 * @example
 * for await (const item of readPageImages(bytes, 'pdf')) {
 *   if (item instanceof PageImageError) continue;
 *   const pre = await preprocessPage(item);
 *   const ocr = await readScanPage(pre, pool);
 * }
 */
export async function preprocessPage(image: PageImage): Promise<PreprocessedPage> {
  const { scale, sourceDpi, dpiGuessed } = pageScale(image.width, image.height, image.dpi);
  let { gray, width, height } = await resized(image, scale);
  const dpi = Math.max(1, Math.round(sourceDpi * scale));
  const flat = flatField(gray, width, height);
  gray = flat.gray;
  const angleDegrees = estimateSkew(gray, width, height);
  if (Math.abs(angleDegrees) >= MIN_ROTATION) ({ data: gray, width, height } = rotateGray(gray, width, height, -angleDegrees));
  const { ink } = binarize(gray, flat.histogram);
  const linePixels = removeRulingLines(ink, width, height, dpi);
  const { glyphHeight, ...leaders } = removeLeadersAndSpecks(ink, width, height, dpi);
  const scaleForReading = readScale(glyphHeight);
  const binary = blackOnWhite(ink);
  return {
    binary,
    readImage: await shrunkForReading(binary, width, height, scaleForReading),
    readScale: scaleForReading,
    view: gray,
    width,
    height,
    angleDegrees,
    scale,
    dpi,
    dpiGuessed,
    glyphHeight,
    removed: { linePixels, ...leaders },
  };
}

async function resized(image: PageImage, scale: number): Promise<{ gray: Uint8Array; width: number; height: number }> {
  if (scale === 1) return { gray: image.gray, width: image.width, height: image.height };
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const { data, info } = await sharp(image.gray, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: scale > 1 ? 'cubic' : 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`resize returned ${info.channels} channels`);
  return { gray: data, width: info.width, height: info.height };
}

/** Ink (1) to black (0) on white (255), four pixels at a time (a byte of 1 times 255 is 255, no carry). */
function blackOnWhite(ink: Uint8Array): Uint8Array {
  const out = new Uint8Array(ink.length);
  const words = ink.byteOffset % 4 === 0 ? ink.length >> 2 : 0;
  const inkWords = new Uint32Array(ink.buffer, ink.byteOffset, words);
  const outWords = new Uint32Array(out.buffer, 0, words);
  for (let i = 0; i < words; i++) outWords[i] = ~Math.imul(inkWords[i]!, 255);
  for (let i = words * 4; i < ink.length; i++) out[i] = ink[i] === 1 ? 0 : 255;
  return out;
}

/** A side of the page shrunk for reading. */
export function readSize(side: number, scale: number): number {
  return Math.max(1, Math.round(side * scale));
}

/** The binary page as tesseract reads it: shrunk by `scale` with a Lanczos filter (gray edges), as a binary PGM. */
async function shrunkForReading(data: Uint8Array, width: number, height: number, scale: number): Promise<Buffer> {
  if (scale >= 1) return pgm(data, width, height);
  const shrunk = await sharp(data, { raw: { width, height, channels: 1 } })
    .resize(readSize(width, scale), readSize(height, scale), { fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return pgm(shrunk.data, shrunk.info.width, shrunk.info.height);
}

/**
 * 8-bit gray pixels as a binary PGM file (netpbm P5).
 *
 * @example
 * pgm(new Uint8Array([0, 255]), 2, 1); // <Buffer 50 35 0a 32 20 31 0a 32 35 35 0a 00 ff> ("P5\n2 1\n255\n" + pixels)
 */
export function pgm(pixels: Uint8Array, width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), pixels]);
}
