/**
 * Flat-field correction: estimates the paper's brightness everywhere on the page (a coarse grid of bright
 * percentiles, widened and smoothed so text never counts as paper) and divides by it, so yellowed, stained
 * or unevenly lit paper becomes white while ink keeps its darkness relative to the paper around it.
 * Then the darkest ink is stretched to black.
 *
 * @example
 * const { gray: flat, histogram } = flatField(gray, 1748, 2480); // same size, paper ≈ 255
 */

/** ~2.7 mm at 300 dpi: a block is mostly paper even inside dense text. */
const BLOCK = 32;
/** The paper level of a block: a high percentile, not the maximum, so noise specks do not raise it. */
const PAPER_PERCENTILE = 0.9;
/** Ink this share of the page is stretched to 0 (after dividing, ink is often mid-gray on faded pages). */
const INK_PERCENTILE = 0.005;

export function flatField(src: Uint8Array, width: number, height: number): { gray: Uint8Array; histogram: Uint32Array } {
  const grid = paperGrid(src, width, height);
  const gains = gainRows(grid.level, grid.cols, grid.rows, width);
  // The ink level to stretch to black, from every other pixel of every other row divided: the same level within a
  // gray step, and dividing and stretching are then one pass over the page.
  const stretch = inkStretch(dividedHistogram(src, width, height, gains, grid.rows, 2));
  const out = new Uint8Array(width * height);
  const histogram = divideByPaper(src, width, height, gains, grid.rows, stretch, out);
  return { gray: out, histogram };
}

interface Grid {
  cols: number;
  rows: number;
  level: Float32Array;
}

function paperGrid(src: Uint8Array, width: number, height: number): Grid {
  const cols = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const raw = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let gy = 0; gy < rows; gy++) {
    const y0 = gy * BLOCK;
    const y1 = Math.min(height, y0 + BLOCK);
    for (let gx = 0; gx < cols; gx++) {
      const x0 = gx * BLOCK;
      const x1 = Math.min(width, x0 + BLOCK);
      histogram.fill(0);
      let samples = 0;
      // Every other pixel in both directions: a quarter of the work, the same percentile.
      for (let y = y0; y < y1; y += 2) {
        const row = y * width;
        for (let x = x0; x < x1; x += 2) {
          histogram[src[row + x]!]++;
          samples++;
        }
      }
      let above = Math.ceil(samples * (1 - PAPER_PERCENTILE));
      let v = 255;
      for (; v > 0; v--) {
        above -= histogram[v]!;
        if (above <= 0) break;
      }
      raw[gy * cols + gx] = v;
    }
  }
  // A block full of a bold heading or a stamp is dark: its neighbours' paper stands in for it (the median of
  // 5×5), then a 3×3 mean keeps the correction smooth across block edges. Not their maximum: on a page scanned
  // with the scanner's white bed around it, the bed would stand in for the paper three blocks in from its edge,
  // and that rim of darker paper would binarize into a black band that swallows the first letters of lines
  // printed near the edge ("Quan hệ" read "an hệ").
  const widened = medianOf5x5(raw, cols, rows);
  const smooth = neighbourhood(widened, cols, rows, 1, (a, b) => a + b, 0, true);
  for (let i = 0; i < smooth.length; i++) smooth[i] = Math.max(16, smooth[i]!);
  return { cols, rows, level: smooth };
}

/** Each block's value replaced by the median of the blocks within two of it (fewer at the page's edges). */
function medianOf5x5(src: Float32Array, cols: number, rows: number): Float32Array {
  const out = new Float32Array(src.length);
  const window: number[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      window.length = 0;
      for (let yy = Math.max(0, y - 2); yy <= Math.min(rows - 1, y + 2); yy++) {
        for (let xx = Math.max(0, x - 2); xx <= Math.min(cols - 1, x + 2); xx++) window.push(src[yy * cols + xx]!);
      }
      window.sort((a, b) => a - b);
      out[y * cols + x] = window[window.length >> 1]!;
    }
  }
  return out;
}

function neighbourhood(
  src: Float32Array,
  cols: number,
  rows: number,
  radius: number,
  combine: (a: number, b: number) => number,
  start: number,
  mean = false,
): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let acc = start;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= rows) continue;
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= cols) continue;
          acc = combine(acc, src[yy * cols + xx]!);
          n++;
        }
      }
      out[y * cols + x] = mean ? acc / n : acc;
    }
  }
  return out;
}

/** Fixed-point bits of a gain (255 / paper level, 1 to 16) and of a row's weight between two grid rows. */
const GAIN_BITS = 8;
const WEIGHT_BITS = 4;

/** A pixel row's two grid rows (offsets into the gain rows) and their weights, out of 1 << WEIGHT_BITS. */
function gridRows(y: number, rows: number, width: number): { g0: number; g1: number; w0: number; w1: number } {
  const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
  const r0 = Math.floor(gy);
  const w1 = Math.round((gy - r0) * (1 << WEIGHT_BITS));
  return { g0: r0 * width, g1: Math.min(rows - 1, r0 + 1) * width, w0: (1 << WEIGHT_BITS) - w1, w1 };
}

const SHIFT = GAIN_BITS + WEIGHT_BITS;
const HALF = 1 << (SHIFT - 1);

/** The histogram of 255 · pixel / paper over every `step`-th pixel of every `step`-th row. */
function dividedHistogram(src: Uint8Array, width: number, height: number, gains: Int32Array, rows: number, step: number): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let y = 0; y < height; y += step) {
    const { g0, g1, w0, w1 } = gridRows(y, rows, width);
    const row = y * width;
    for (let x = 0; x < width; x += step) {
      const v = (src[row + x]! * (gains[g0 + x]! * w0 + gains[g1 + x]! * w1) ) >> SHIFT;
      histogram[v > 255 ? 255 : v]++;
    }
  }
  return histogram;
}

/**
 * out = stretch[255 · pixel / paper], the paper level interpolated bilinearly between block centres. In integers:
 * each grid row's gains are interpolated across the page's width once, and each pixel row is a weighted sum of
 * its two grid rows' gains (to 1/16 of the way between them, finer than any paper gradient). Returns the
 * histogram of `out` (what the binarizer needs).
 */
function divideByPaper(
  src: Uint8Array,
  width: number,
  height: number,
  gains: Int32Array,
  rows: number,
  stretch: Uint8Array,
  out: Uint8Array,
): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const { g0, g1, w0, w1 } = gridRows(y, rows, width);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = (src[row + x]! * (gains[g0 + x]! * w0 + gains[g1 + x]! * w1) ) >> SHIFT;
      const o = stretch[v > 255 ? 255 : v]!;
      out[row + x] = o;
      histogram[o]++;
    }
  }
  return histogram;
}

/** Each grid row's gain (255 / level, fixed point), interpolated linearly between block centres across the width. */
function gainRows(level: Float32Array, cols: number, rows: number, width: number): Int32Array {
  const gains = new Int32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let x = 0; x < width; x++) {
      const gx = Math.min(cols - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
      const c0 = Math.floor(gx);
      const c1 = Math.min(cols - 1, c0 + 1);
      const f = gx - c0;
      const gain = (255 / level[r * cols + c0]!) * (1 - f) + (255 / level[r * cols + c1]!) * f;
      gains[r * width + x] = Math.round(gain * (1 << GAIN_BITS));
    }
  }
  return gains;
}

/**
 * The lookup that stretches the darkest INK_PERCENTILE of `histogram` to black (identity when there is nothing
 * to stretch).
 */
function inkStretch(histogram: Uint32Array): Uint8Array {
  let below = Math.ceil(histogram.reduce((sum, n) => sum + n, 0) * INK_PERCENTILE);
  let ink = 0;
  for (; ink < 255; ink++) {
    below -= histogram[ink]!;
    if (below <= 0) break;
  }
  // Never stretch a blank page's noise into black, nor past a gray ink of 160.
  ink = Math.min(ink, 160);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = ink <= 0 ? v : v <= ink ? 0 : Math.round(((v - ink) * 255) / (255 - ink));
  return lut;
}
