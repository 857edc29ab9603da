/**
 * Skew estimation by projection profiles: text lines and form lines make the row sums of ink spiky when the
 * rows follow them and flat when they cross them. Ink points from a ¼-size copy are projected along candidate
 * angles from −5° to +5° (0.25° steps); the angle with the spikiest profile (largest sum of squared bin counts)
 * is refined on a ½-size copy in 0.05° steps.
 *
 * @example
 * estimateSkew(flatGray, 1748, 2480); // 2.95: lines fall 2.95° to the right (clockwise); rotate by −2.95
 */

const MAX_ANGLE = 5;
const COARSE_STEP = 0.25;
const FINE_STEP = 0.05;
/** A downscaled cell counts as ink when its mean is darker than this (the page is flat-fielded: paper ≈ 255). */
const INK_LEVEL = 200;

interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  height: number;
}

/** Clockwise skew of the page's lines in degrees (image y axis points down); 0 for a blank page. */
export function estimateSkew(gray: Uint8Array, width: number, height: number): number {
  const half = halfSize(gray, width, height);
  const coarse = inkPoints(halfSize(half.sums, half.width, half.height), 16);
  if (coarse.count < 50) return 0;
  const best = bestAngle(coarse, -MAX_ANGLE, MAX_ANGLE, COARSE_STEP);
  if (best === null) return 0;
  const refined = bestAngle(inkPoints(half, 4), best - COARSE_STEP, best + COARSE_STEP, FINE_STEP);
  return Math.round((refined ?? best) * 100) / 100 || 0; // never -0
}

interface Sums {
  sums: Uint32Array;
  width: number;
  height: number;
}

/** Sums of 2×2 cells: the ¼-size copy is the half-size copy halved again, so the page is read once. */
function halfSize(src: ArrayLike<number>, width: number, height: number): Sums {
  const w = width >> 1;
  const h = height >> 1;
  const sums = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    const top = 2 * y * width;
    const bottom = top + width;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = 2 * x;
      sums[row + x] = src[top + i]! + src[top + i + 1]! + src[bottom + i]! + src[bottom + i + 1]!;
    }
  }
  return { sums, width: w, height: h };
}

/** Cells whose mean (sum / `cells` pixels) is darker than INK_LEVEL. */
function inkPoints({ sums, width, height }: Sums, cells: number): InkPoints {
  const threshold = INK_LEVEL * cells;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (sums[row + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys), count: xs.length, height };
}

function bestAngle(points: InkPoints, from: number, to: number, step: number): number | null {
  const { xs, ys, count, height } = points;
  const margin = Math.ceil(Math.tan((MAX_ANGLE + 1) * (Math.PI / 180)) * (xs.reduce((m, x) => Math.max(m, x), 0) + 1));
  const bins = new Float64Array(height + 2 * margin + 2);
  let bestScore = -1;
  let best: number | null = null;
  let worstScore = Infinity;
  for (let angle = from; angle <= to + 1e-9; angle += step) {
    const slope = Math.tan(angle * (Math.PI / 180));
    bins.fill(0);
    for (let i = 0; i < count; i++) {
      // Split each point between its two nearest bins so the score changes smoothly with the angle.
      const r = ys[i]! - xs[i]! * slope + margin;
      const r0 = Math.floor(r);
      const f = r - r0;
      bins[r0] += 1 - f;
      bins[r0 + 1] += f;
    }
    let score = 0;
    for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
    if (score > bestScore) {
      bestScore = score;
      best = angle;
    }
    worstScore = Math.min(worstScore, score);
  }
  // A flat score (no lines, noise only) has no preferred angle: better not to rotate.
  return bestScore > worstScore * 1.02 || to - from < 1 ? best : null;
}

/**
 * Rotates by `degrees` clockwise about the centre with bilinear sampling, onto a canvas grown to hold the whole
 * rotated page; uncovered corners are white. Pure JS: faster than a sharp round trip for one gray band.
 *
 * @example
 * const straight = rotateGray(gray, 1748, 2480, -2.95); // { data, width: 1876, height: 2567 }
 */
export function rotateGray(
  src: Uint8Array,
  width: number,
  height: number,
  degrees: number,
): { data: Uint8Array; width: number; height: number } {
  const rad = degrees * (Math.PI / 180);
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const outW = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
  const outH = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
  const out = new Uint8Array(outW * outH).fill(255);
  const cxIn = (width - 1) / 2;
  const cyIn = (height - 1) / 2;
  const cxOut = (outW - 1) / 2;
  const cyOut = (outH - 1) / 2;
  const maxX = width - 1;
  const maxY = height - 1;
  for (let y = 0; y < outH; y++) {
    const dy = y - cyOut;
    // Inverse mapping: the source point that lands on (x, y) is the output point rotated back by −degrees.
    let sx = -cxOut * cos + dy * sin + cxIn;
    let sy = cxOut * sin + dy * cos + cyIn;
    const row = y * outW;
    for (let x = 0; x < outW; x++, sx += cos, sy -= sin) {
      if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) continue;
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + width]! + (src[i + width + 1]! - src[i + width]!) * fx;
      out[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { data: out, width: outW, height: outH };
}
