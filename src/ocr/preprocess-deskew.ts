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
  const coarse = inkPoints(gray, width, height, 4);
  if (coarse.count < 50) return 0;
  const best = bestAngle(coarse, -MAX_ANGLE, MAX_ANGLE, COARSE_STEP);
  if (best === null) return 0;
  const fine = inkPoints(gray, width, height, 2);
  const refined = bestAngle(fine, best - COARSE_STEP, best + COARSE_STEP, FINE_STEP);
  return Math.round((refined ?? best) * 100) / 100;
}

function inkPoints(gray: Uint8Array, width: number, height: number, factor: number): InkPoints {
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const threshold = INK_LEVEL * factor * factor;
  const sums = new Uint32Array(w);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let cy = 0; cy < h; cy++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = (cy * factor + dy) * width;
      for (let cx = 0, x = 0; cx < w; cx++) {
        let s = 0;
        for (let dx = 0; dx < factor; dx++, x++) s += gray[row + x]!;
        sums[cx] += s;
      }
    }
    for (let cx = 0; cx < w; cx++) {
      if (sums[cx]! < threshold) {
        xs.push(cx);
        ys.push(cy);
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys), count: xs.length, height: h };
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
