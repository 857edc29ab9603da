/**
 * Encodes scanned pages as the files offices produce: single PNG or JPEG pages, a multi-page TIFF per book
 * (sharp joins the pages into one TIFF, one IFD a page) and an image-only PDF per book (mupdf, one image
 * a page at the scan's resolution, no text layer).
 *
 * @example
 * const tiff = await writeTiffBook(pages); // (await sharp(tiff).metadata()).pages === pages.length
 * const pdf = writePdfBook(pages);          // mupdf.Document.openDocument(pdf, 'application/pdf').countPages()
 */
import sharp from 'sharp';
import * as mupdf from 'mupdf';
import type { ScannedPage } from './scan-damage.js';

export type PageFormat = 'png' | 'jpeg';

/** The page's pixels as a sharp input; sharp would write a one-channel input as sRGB unless told. */
async function rawOf(p: ScannedPage): Promise<ReturnType<typeof sharp>> {
  const img = sharp(await p.pixels(), { raw: { width: p.width, height: p.height, channels: p.channels } });
  return p.channels === 1 ? img.toColourspace('b-w') : img;
}

/** A single page: PNG holds the pixels losslessly; JPEG is the scanner's own file when it made one. */
export async function encodePage(page: ScannedPage, format: PageFormat): Promise<Buffer> {
  if (format === 'jpeg') {
    return page.jpeg ?? (await rawOf(page)).jpeg({ quality: 90 }).withDensity(page.dpi).toBuffer();
  }
  return (await rawOf(page)).png({ compressionLevel: 4 }).withDensity(page.dpi).toBuffer();
}

/**
 * One TIFF with every page of the book in order, one IFD a page. Pages are stacked into one tall raw
 * image whose `pageHeight` tells libvips where each page ends. Clean books are deflate-compressed;
 * damaged ones use JPEG compression inside the TIFF, as document scanners do.
 */
export async function writeTiffBook(pages: readonly ScannedPage[]): Promise<Buffer> {
  if (pages.length === 0) throw new Error('a book has at least one page');
  const first = pages[0];
  if (pages.some((p) => p.width !== first.width || p.height !== first.height || p.channels !== first.channels))
    throw new Error('pages of one TIFF book must share size and colour');
  const tall = Buffer.concat(await Promise.all(pages.map((p) => p.pixels())));
  if (tall.length !== first.width * first.height * first.channels * pages.length) throw new Error('page pixels do not match the page size');
  const perMm = first.dpi / 25.4;
  let img = sharp(tall, { raw: { width: first.width, height: first.height * pages.length, channels: first.channels, pageHeight: first.height } });
  if (first.channels === 1) img = img.toColourspace('b-w');
  const compression = first.jpeg ? { compression: 'jpeg' as const, quality: 88 } : { compression: 'deflate' as const, predictor: 'horizontal' as const };
  return img.tiff({ ...compression, xres: perMm, yres: perMm, resolutionUnit: 'inch' }).toBuffer();
}

/** An image-only PDF: each page is its scan at the scan's dpi (JPEG kept as is, PNG otherwise). */
export async function writePdfBook(pages: readonly ScannedPage[]): Promise<Buffer> {
  const doc = new mupdf.PDFDocument();
  try {
    for (const p of pages) {
      const image = p.jpeg ? new mupdf.Image(p.jpeg) : await pixmapImage(p);
      const w = (p.width / p.dpi) * 72;
      const h = (p.height / p.dpi) * 72;
      const ref = doc.addImage(image);
      const contents = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
      doc.insertPage(-1, doc.addPage([0, 0, w, h], 0, { XObject: { Im0: ref } }, contents));
      image.destroy();
    }
    return Buffer.from(doc.saveToBuffer('compress').asUint8Array());
  } finally {
    doc.destroy();
  }
}

/** A lossless page handed to mupdf as pixels (it flate-compresses them), skipping a PNG round trip. */
async function pixmapImage(p: ScannedPage): Promise<mupdf.Image> {
  const cs = p.channels === 1 ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB;
  const pixmap = new mupdf.Pixmap(cs, [0, 0, p.width, p.height], false);
  try {
    if (pixmap.getStride() !== p.width * p.channels) throw new Error('unexpected pixmap stride');
    pixmap.getPixels().set(await p.pixels());
    pixmap.setResolution(p.dpi, p.dpi);
    return new mupdf.Image(pixmap);
  } finally {
    pixmap.destroy();
  }
}
