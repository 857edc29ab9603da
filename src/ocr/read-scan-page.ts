import { rereadEntries, type LineReader } from './entry-reread.js';
import type { OcrBox, OcrPage } from './ocr-types.js';
import { type PreprocessedPage, readSize } from './preprocess-page.js';

/** What reads a whole page image (the tesseract pool in the product). */
export interface PageReader extends LineReader {
  recognize(image: Buffer, size: { width: number; height: number; dpi?: number }): Promise<OcrPage>;
}

/**
 * A preprocessed page read by tesseract at its reading scale, its boxes put back on the preprocessed page's
 * pixels, its digit entries, names and doubtful words read a second time on their own.
 *
 * @example
 * const page = await readScanPage(await preprocessPage(image), pool);
 * page.lines[0].bbox; // in the preprocessed page's pixels (binary, view), whatever the scale tesseract read at
 */
export async function readScanPage(pre: PreprocessedPage, reader: PageReader): Promise<OcrPage> {
  // A PGM carries no resolution: tesseract is told the one the page was shrunk to.
  const size = { width: readSize(pre.width, pre.readScale), height: readSize(pre.height, pre.readScale), dpi: readSize(pre.dpi, pre.readScale) };
  const read = await reader.recognize(pre.readImage, size);
  return rereadEntries(scaledPage(read, 1 / pre.readScale, pre), pre, reader);
}

/**
 * The page with every box multiplied by `factor`, on a page of `size`.
 *
 * @example
 * scaledPage(page, 2, { width: 1748, height: 2480 }).lines[0].bbox; // { x0: 200, … } for { x0: 100, … } (whole pixels)
 */
export function scaledPage(page: OcrPage, factor: number, size: { width: number; height: number }): OcrPage {
  if (factor === 1) return { ...page, width: size.width, height: size.height };
  const at = (v: number): number => Math.round(v * factor);
  const scaled = (b: OcrBox): OcrBox => ({ x0: at(b.x0), y0: at(b.y0), x1: at(b.x1), y1: at(b.y1) });
  return {
    ...page,
    width: size.width,
    height: size.height,
    lines: page.lines.map((line) => ({ ...line, bbox: scaled(line.bbox), words: line.words.map((w) => ({ ...w, bbox: scaled(w.bbox) })) })),
  };
}
