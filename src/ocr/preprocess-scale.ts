/**
 * How much to resize a page so text lands near 300 dpi, the resolution tesseract's models read best. A 200-dpi
 * scan is enlarged first even though tesseract reads the page shrunk to ≈ 170 dpi (preprocess-read-scale.ts):
 * binarized and cleaned at 300 dpi, its strokes shrink into smoother gray edges. Left at 200 dpi, bench:ocr's
 * poor scans went 27% faster but lost 2–3 points of field accuracy (seed 7: 98.61% → 95.42%; seed 11:
 * 96.93% → 94.68%, silent errors 0.20% → 0.61%).
 *
 * @example
 * pageScale(1240, 1754, 150); // { scale: 2, sourceDpi: 150, dpiGuessed: false }
 * pageScale(2480, 3508, 72);  // JPEG's default 72 dpi would make this a 34-inch page: guessed as A5 instead
 */

export const TARGET_DPI = 300;
/** Short side of a household book page (A5, 148 mm), used when the file has no believable resolution. */
const BOOK_SHORT_SIDE_INCHES = 148 / 25.4;
/** Upscaling more than this only invents pixels: a 100-dpi fax is read as it is, at 200. */
const MAX_UPSCALE = 2;
/** Paper from A6 (4.1″ short side) to A3 (11.7″); anything else means the recorded dpi is wrong. */
const PLAUSIBLE_SHORT_SIDE_INCHES: [number, number] = [3.5, 12.5];
/** Short side after scaling stays within this (a poster scanned at 600 dpi is not read at 7,000 pixels). */
const SHORT_SIDE_PIXELS: [number, number] = [800, 3600];
/** Resampling costs ~50 ms and blurs: within ±8 % of 300 dpi the page is used as it is. */
const SCALE_TOLERANCE = 0.08;

export interface PageScale {
  /** Factor applied to both sides (1 = unchanged). */
  scale: number;
  /** Resolution assumed for the source image. */
  sourceDpi: number;
  /** True when the file's dpi was missing or unbelievable and the page size was assumed instead. */
  dpiGuessed: boolean;
}

export function pageScale(width: number, height: number, dpi: number | null): PageScale {
  const shortSide = Math.min(width, height);
  const inches = dpi && dpi > 0 ? shortSide / dpi : 0;
  const believable = inches >= PLAUSIBLE_SHORT_SIDE_INCHES[0] && inches <= PLAUSIBLE_SHORT_SIDE_INCHES[1];
  const sourceDpi = believable ? dpi! : shortSide / BOOK_SHORT_SIDE_INCHES;
  let scale = Math.min(MAX_UPSCALE, TARGET_DPI / sourceDpi);
  scale = Math.min(scale, SHORT_SIDE_PIXELS[1] / shortSide);
  scale = Math.max(scale, Math.min(1, SHORT_SIDE_PIXELS[0] / shortSide));
  if (Math.abs(scale - 1) <= SCALE_TOLERANCE) scale = 1;
  return { scale, sourceDpi: Math.round(sourceDpi), dpiGuessed: !believable };
}
