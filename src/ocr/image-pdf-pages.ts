import type * as Mupdf from 'mupdf';
import type { PageImage } from './page-images.js';
import {
  type PageImageError,
  corruptPageError,
  emptyFileError,
  encryptedPdfError,
  tooLargeError,
  unreadablePdfError,
} from './image-page-error.js';

/** Scanned books are read at 300 dpi: the resolution tesseract's models were trained around. */
export const PDF_RENDER_DPI = 300;

type MupdfModule = typeof Mupdf;
let mupdfModule: Promise<MupdfModule> | undefined;

/**
 * mupdf is a 10 MB WebAssembly module that takes a few hundred milliseconds to start: loaded on the first
 * PDF only, so image-only runs never pay for it. Its repair warnings ("trying to repair broken xref") would
 * go to stderr; the errors that matter come back as exceptions, so its log is silenced.
 */
function loadMupdf(): Promise<MupdfModule> {
  mupdfModule ??= import('mupdf').then((mupdf) => {
    mupdf.setLog({ error: () => undefined, warning: () => undefined });
    return mupdf;
  });
  return mupdfModule;
}

function openPdf(mupdf: MupdfModule, bytes: Buffer): Mupdf.Document {
  let doc: Mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    throw unreadablePdfError(error);
  }
  if (doc.needsPassword()) {
    doc.destroy();
    throw encryptedPdfError();
  }
  return doc;
}

/**
 * Pages in a PDF. Throws PageImageError when it cannot be opened.
 *
 * @example
 * await countPdfPages(await readFile('so-ho-khau.pdf')); // 6
 */
export async function countPdfPages(bytes: Buffer): Promise<number> {
  const mupdf = await loadMupdf();
  const doc = openPdf(mupdf, bytes);
  try {
    return doc.countPages();
  } catch (error) {
    throw unreadablePdfError(error);
  } finally {
    doc.destroy();
  }
}

/**
 * Renders each page to grayscale at 300 dpi, in order. A file that cannot be opened throws; a page that cannot
 * be rendered is yielded as a PageImageError (see readPageImages).
 *
 * @example
 * for await (const item of readPdfPages(bytes, 60_000_000)) console.log(item);
 */
export async function* readPdfPages(bytes: Buffer, maxPixels: number): AsyncGenerator<PageImage | PageImageError> {
  const mupdf = await loadMupdf();
  const doc = openPdf(mupdf, bytes);
  try {
    let pages: number;
    try {
      pages = doc.countPages();
    } catch (error) {
      throw unreadablePdfError(error);
    }
    if (pages < 1) throw emptyFileError();
    for (let index = 0; index < pages; index++) yield renderPage(mupdf, doc, index + 1, maxPixels);
  } finally {
    doc.destroy();
  }
}

function renderPage(mupdf: MupdfModule, doc: Mupdf.Document, page: number, maxPixels: number): PageImage | PageImageError {
  let pdfPage: Mupdf.Page | undefined;
  let pixmap: Mupdf.Pixmap | undefined;
  try {
    pdfPage = doc.loadPage(page - 1);
    const zoom = PDF_RENDER_DPI / 72;
    const [x0, y0, x1, y1] = pdfPage.getBounds();
    const width = Math.round((x1 - x0) * zoom);
    const height = Math.round((y1 - y0) * zoom);
    if (width * height > maxPixels) return tooLargeError(page, width, height, maxPixels);
    // A small page can still hold a huge embedded image that mupdf would decode in full before scaling it down.
    const bomb = largestImage(pdfPage);
    if (bomb && bomb.width * bomb.height > maxPixels) return tooLargeError(page, bomb.width, bomb.height, maxPixels);
    pixmap = pdfPage.toPixmap(mupdf.Matrix.scale(zoom, zoom), mupdf.ColorSpace.DeviceGray, false);
    const w = pixmap.getWidth();
    const h = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels();
    // Copied out of the WebAssembly heap: the pixmap is freed below and its memory reused.
    const gray = Buffer.allocUnsafe(w * h);
    for (let y = 0; y < h; y++) gray.set(pixels.subarray(y * stride, y * stride + w), y * w);
    return { page, gray, width: w, height: h, dpi: PDF_RENDER_DPI };
  } catch (error) {
    return corruptPageError(page, error);
  } finally {
    pixmap?.destroy();
    pdfPage?.destroy();
  }
}

/** The biggest image XObject on the page (direct resources only; forms nested in forms are not followed). */
function largestImage(page: Mupdf.Page): { width: number; height: number } | null {
  if (!page.isPDF()) return null;
  const xobjects = (page as Mupdf.PDFPage).getObject().get('Resources').get('XObject');
  if (!xobjects.isDictionary()) return null;
  let best: { width: number; height: number } | null = null;
  xobjects.forEach((value) => {
    const object = value.resolve();
    if (!object.isDictionary() || object.get('Subtype').toString() !== '/Image') return;
    const width = object.get('Width').asNumber();
    const height = object.get('Height').asNumber();
    if (Number.isFinite(width) && Number.isFinite(height) && (!best || width * height > best.width * best.height)) {
      best = { width, height };
    }
  });
  return best;
}
