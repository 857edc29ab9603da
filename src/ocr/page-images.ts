import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  PageImageError,
  corruptPageError,
  emptyFileError,
  tooLargeError,
  unreadableImageError,
} from './image-page-error.js';
import { countPdfPages, readPdfPages } from './image-pdf-pages.js';

export { PageImageError } from './image-page-error.js';
export type { PageImageProblem } from './image-page-error.js';

/**
 * One page of a scanned file as 8-bit grayscale pixels. Raw pixels, not PNG: preprocessing works on raw pixels
 * anyway, and encoding then decoding a 4-megapixel page costs more than everything else it does.
 *
 * @example
 * const page: PageImage = { page: 1, gray: Buffer.alloc(1748 * 2480, 255), width: 1748, height: 2480, dpi: 300 };
 */
export interface PageImage {
  /** 1-based, in the file's order. */
  page: number;
  /** width × height bytes, row-major, one byte per pixel (0 black … 255 white), no row padding. */
  gray: Buffer;
  width: number;
  height: number;
  /**
   * Resolution recorded in the file (TIFF/PNG pHYs/JPEG density; 300 for rendered PDF pages), or null when
   * absent. Taken as written: JPEG's default 72 is common and meaningless, so callers should check it
   * against the page size (preprocessPage does).
   */
  dpi: number | null;
}

export type ScanKind = 'image' | 'pdf';

export interface ReadPageImagesOptions {
  /** A page over this many pixels is refused before it is decoded (decompression bombs). Default 60 million. */
  maxPixels?: number;
}

export const DEFAULT_MAX_PIXELS = 60_000_000;

/**
 * Pages in the file: TIFF (and other multi-frame images) count their frames, PDFs their pages.
 * Throws PageImageError when the file cannot be read at all.
 *
 * @example
 * await countPages(await readFile('so-ho-khau-0123.tif'), 'image'); // 4
 */
export async function countPages(bytes: Buffer, kind: ScanKind): Promise<number> {
  if (kind === 'pdf') return countPdfPages(bytes);
  return (await imageMetadata(bytes)).pages ?? 1;
}

/**
 * The file's pages in order, decoded to grayscale. PNG, JPEG (EXIF orientation applied), TIFF with any number
 * of pages, and PDF (each page rendered at 300 dpi with mupdf).
 *
 * Errors, so one bad page does not lose the book:
 * - a file that cannot be opened at all (not an image, not a PDF, encrypted PDF, no pages) THROWS a
 *   PageImageError with `page: null` before anything is yielded;
 * - a page that cannot be decoded (over `maxPixels`, corrupt, truncated) is YIELDED as a PageImageError with
 *   its page number, and the generator goes on to the next page. Check each item with `instanceof`.
 *
 * @example
 * for await (const item of readPageImages(bytes, 'image')) {
 *   if (item instanceof PageImageError) { report(item.page, item.message); continue; }
 *   const pre = await preprocessPage(item);
 * }
 */
export async function* readPageImages(
  bytes: Buffer,
  kind: ScanKind,
  options: ReadPageImagesOptions = {},
): AsyncGenerator<PageImage | PageImageError> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (kind === 'pdf') {
    yield* readPdfPages(bytes, maxPixels);
    return;
  }
  const pages = (await imageMetadata(bytes)).pages ?? 1;
  if (pages < 1) throw emptyFileError();
  for (let page = 1; page <= pages; page++) yield await readImagePage(bytes, page, pages, maxPixels);
}

async function imageMetadata(bytes: Buffer): Promise<Metadata> {
  try {
    // Header only: metadata never decodes pixels, so no pixel limit is needed here.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadableImageError(error);
  }
}

async function readImagePage(
  bytes: Buffer,
  page: number,
  pages: number,
  maxPixels: number,
): Promise<PageImage | PageImageError> {
  const input = (): Sharp =>
    sharp(bytes, {
      // `page` only for multi-frame files: a single JPEG has no page 0 option to honour.
      ...(pages > 1 ? { page: page - 1 } : {}),
      limitInputPixels: maxPixels,
      // Truncated data fails; libtiff's warnings about odd tags (common in scanner output) do not.
      failOn: 'truncated',
      autoOrient: true,
    });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...(pages > 1 ? { page: page - 1 } : {}), limitInputPixels: false }).metadata();
  } catch (error) {
    return corruptPageError(page, error);
  }
  // Refused from the header, before a byte of pixels is allocated; limitInputPixels below is the second lock.
  if (!(meta.width > 0 && meta.height > 0)) return corruptPageError(page, 'no dimensions');
  if (meta.width * meta.height > maxPixels) return tooLargeError(page, meta.width, meta.height, maxPixels);
  try {
    const { data, info } = await input()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const gray = info.channels === 1 ? data : firstChannel(data, info.channels);
    return { page, gray, width: info.width, height: info.height, dpi: meta.density ?? null };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      return tooLargeError(page, meta.width, meta.height, maxPixels);
    }
    return corruptPageError(page, error);
  }
}

/** libvips keeps an alpha band on some inputs despite flatten; the gray band is the first. */
function firstChannel(data: Buffer, channels: number): Buffer {
  const out = Buffer.allocUnsafe(data.length / channels);
  for (let i = 0, j = 0; j < out.length; i += channels, j++) out[j] = data[i]!;
  return out;
}
