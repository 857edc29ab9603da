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
  const out = new Uint8Array(width * height);
  const histogram = divideByPaper(src, width, height, grid, out);
  return { gray: out, histogram: stretchInk(out, histogram) };
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

/** out = 255 · pixel / paper, with the paper level interpolated bilinearly between block centres. */
function divideByPaper(src: Uint8Array, width: number, height: number, grid: Grid, out: Uint8Array): Uint32Array {
  const { cols, rows, level } = grid;
  const rowLevel = new Float32Array(cols);
  // Each column's two grid neighbours and weight, computed once for every row; columns between the same two
  // grid neighbours form a run, in which the gains to interpolate are the same.
  const c0s = new Int32Array(width);
  const fxs = new Float32Array(width);
  const runStarts: number[] = [];
  for (let x = 0; x < width; x++) {
    const gx = Math.min(cols - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
    c0s[x] = Math.floor(gx);
    fxs[x] = gx - c0s[x]!;
    if (x === 0 || c0s[x] !== c0s[x - 1]) runStarts.push(x);
  }
  runStarts.push(width);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
    const r0 = Math.floor(gy);
    const r1 = Math.min(rows - 1, r0 + 1);
    const fy = gy - r0;
    for (let c = 0; c < cols; c++) rowLevel[c] = 255 / (level[r0 * cols + c]! * (1 - fy) + level[r1 * cols + c]! * fy);
    const row = y * width;
    for (let run = 0; run + 1 < runStarts.length; run++) {
      const from = runStarts[run]!;
      const to = runStarts[run + 1]!;
      const c0 = c0s[from]!;
      // Interpolating the reciprocal instead of the level: indistinguishable on a smooth field, no divisions.
      const g0 = rowLevel[c0]!;
      const step = rowLevel[Math.min(cols - 1, c0 + 1)]! - g0;
      for (let x = from; x < to; x++) {
        // Rounded to float32 as the gains always were: a gray level off by one moves Otsu's cut on faint strokes.
        const gain = Math.fround(g0 + step * fxs[x]!);
        out[row + x] = Math.min((src[row + x]! * gain) | 0, 255);
      }
    }
  }
  // Counted afterwards: in the loop, each paper pixel's count waited on the one before it (most are 255).
  return histogramOf(out);
}

/** How many pixels have each value, in four interleaved counts so a run of one value does not wait on itself. */
function histogramOf(pixels: Uint8Array): Uint32Array {
  const counts = new Uint32Array(1024);
  const end = pixels.length & ~3;
  for (let i = 0; i < end; i += 4) {
    counts[pixels[i]!]++;
    counts[256 + pixels[i + 1]!]++;
    counts[512 + pixels[i + 2]!]++;
    counts[768 + pixels[i + 3]!]++;
  }
  for (let i = end; i < pixels.length; i++) counts[pixels[i]!]++;
  const histogram = new Uint32Array(256);
  for (let v = 0; v < 256; v++) histogram[v] = counts[v]! + counts[256 + v]! + counts[512 + v]! + counts[768 + v]!;
  return histogram;
}

/** Stretches in place; returns the histogram after stretching (what the binarizer needs). */
function stretchInk(img: Uint8Array, histogram: Uint32Array): Uint32Array {
  let below = Math.ceil(img.length * INK_PERCENTILE);
  let ink = 0;
  for (; ink < 255; ink++) {
    below -= histogram[ink]!;
    if (below <= 0) break;
  }
  // Never stretch a blank page's noise into black, nor past a gray ink of 160.
  ink = Math.min(ink, 160);
  if (ink <= 0) return histogram;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v <= ink ? 0 : Math.round(((v - ink) * 255) / (255 - ink));
  for (let i = 0; i < img.length; i++) img[i] = lut[img[i]!]!;
  const stretched = new Uint32Array(256);
  for (let v = 0; v < 256; v++) stretched[lut[v]!] += histogram[v]!;
  return stretched;
}
