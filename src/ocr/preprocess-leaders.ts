import { type Components, eraseComponents, findComponents } from './preprocess-components.js';
import { glyphHeight } from './preprocess-read-scale.js';

/**
 * Removes dotted leaders ("Họ và tên: ……………") and scanner specks from a binary page, keeping diacritics.
 *
 * A Vietnamese line is full of small marks (dấu: ả ạ ộ ữ, the dots of i and j) that are as small as a leader's
 * dots; what tells them apart is arrangement, not size. A leader is a chain of at least MIN_DOTS marks of
 * about the same size, on the same centre line (±35 % of their height), each next one within four dot widths,
 * spaced regularly (spacing varies by under 30 %), with nothing but paper between them. Diacritics sit one per
 * syllable, over or under letters, at different heights and sizes: they never form such a chain, and the dots
 * of consecutive i's are a letter's width apart with the letters' ascenders between them.
 *
 * @example
 * const { leaderPixels, speckPixels, glyphHeight } = removeLeadersAndSpecks(ink, 1748, 2480, 300); // `ink` modified
 */

const MIN_DOTS = 5;
const MAX_SPACING_VARIATION = 0.3;

export interface LeaderRemoval {
  leaderPixels: number;
  speckPixels: number;
  leaders: number;
  /** The height of the letters left (see glyphHeight), measured on the marks already found. */
  glyphHeight: number | null;
}

export function removeLeadersAndSpecks(ink: Uint8Array, width: number, height: number, dpi: number): LeaderRemoval {
  const blobs = findComponents(ink, width, height);
  const remove = new Uint8Array(blobs.count);
  // Specks: a few pixels of noise. The smallest diacritic at 300 dpi (the dot of ạ) has ~16.
  const speckArea = Math.max(2, Math.round(3 * (dpi / 300) ** 2));
  let speckPixels = 0;
  for (let c = 0; c < blobs.count; c++) {
    if (blobs.area[c]! <= speckArea) {
      remove[c] = 1;
      speckPixels += blobs.area[c]!;
    }
  }
  eraseComponents(ink, width, blobs, remove);
  const maxDot = Math.max(4, Math.round(0.05 * dpi));
  const chains = leaderChains(ink, width, blobs, remove, maxDot);
  const leaderMarks = new Uint8Array(blobs.count);
  for (const chain of chains) for (const c of chain) leaderMarks[c] = 1;
  for (const c of leaderFragments(blobs, chains, remove, leaderMarks, maxDot)) leaderMarks[c] = 1;
  const leaderPixels = eraseComponents(ink, width, blobs, leaderMarks);
  const letters = glyphHeight(blobs, dpi, (c) => remove[c] === 1 || leaderMarks[c] === 1);
  return { leaderPixels, speckPixels, leaders: chains.length, glyphHeight: letters };
}

function leaderChains(ink: Uint8Array, width: number, b: Components, removed: Uint8Array, maxDot: number): number[][] {
  const dots: number[] = [];
  for (let c = 0; c < b.count; c++) {
    if (removed[c]) continue;
    const w = b.x1[c]! - b.x0[c]! + 1;
    const h = b.y1[c]! - b.y0[c]! + 1;
    if (w <= maxDot && h <= maxDot) dots.push(c);
  }
  dots.sort((p, q) => b.x0[p]! - b.x0[q]!);
  const next = new Map<number, number>();
  const hasPrevious = new Set<number>();
  for (let i = 0; i < dots.length; i++) {
    const a = dots[i]!;
    const aw = b.x1[a]! - b.x0[a]! + 1;
    const ah = b.y1[a]! - b.y0[a]! + 1;
    const aCentre = (b.y0[a]! + b.y1[a]!) / 2;
    const maxGap = 4 * Math.max(aw, ah) + 2;
    let best = -1;
    let bestGap = Infinity;
    for (let j = i + 1; j < dots.length; j++) {
      const c = dots[j]!;
      const gap = b.x0[c]! - b.x1[a]! - 1;
      if (gap > maxGap) break;
      if (gap < 1 || gap >= bestGap || hasPrevious.has(c)) continue;
      const cw = b.x1[c]! - b.x0[c]! + 1;
      const ch = b.y1[c]! - b.y0[c]! + 1;
      if (Math.abs(cw - aw) > Math.max(2, 0.4 * Math.max(aw, cw))) continue;
      if (Math.abs(ch - ah) > Math.max(2, 0.4 * Math.max(ah, ch))) continue;
      if (Math.abs((b.y0[c]! + b.y1[c]!) / 2 - aCentre) > Math.max(1.5, 0.35 * Math.max(ah, ch))) continue;
      if (!paperBetween(ink, width, b.x1[a]! + 1, b.x0[c]! - 1, Math.min(b.y0[a]!, b.y0[c]!), Math.max(b.y1[a]!, b.y1[c]!))) continue;
      best = c;
      bestGap = gap;
    }
    if (best >= 0) {
      next.set(a, best);
      hasPrevious.add(best);
    }
  }
  const chains: number[][] = [];
  for (const start of dots) {
    if (hasPrevious.has(start) || !next.has(start)) continue;
    const chain = [start];
    for (let c = next.get(start); c !== undefined; c = next.get(c)) chain.push(c);
    if (chain.length >= MIN_DOTS && regularlySpaced(chain, b)) chains.push(chain);
  }
  return chains;
}

/** How far off a leader's pitch grid (a share of the pitch) a dot may sit and still be one of its dots. */
const GRID_TOLERANCE = 0.2;
/** How far along a row (in pitches) from a leader's ends its stray dots are looked for. */
const ROW_REACH = 60;

/**
 * Dots of a leader cut off from its chain: an entry's descenders (the g and y of "Nguyễn") dip into the leader
 * and break it, leaving pieces too short to be chains ("Họ và tên: ....Nguyễn", read as "_W"). A dot is one when
 * it has the chain's size, sits on its centre line and on its pitch grid: the printed leader is one row of dots
 * at one pitch, so its pieces keep the grid, where a mark under a letter (ạ, ị) lands anywhere on it.
 */
function leaderFragments(b: Components, chains: number[][], removed: Uint8Array, leaders: Uint8Array, maxDot: number): number[] {
  const rows = chains.map((chain) => {
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const centre = (c: number) => (b.x0[c]! + b.x1[c]!) / 2;
    return {
      x0: centre(first),
      x1: centre(last),
      pitch: (centre(last) - centre(first)) / (chain.length - 1),
      cy: (b.y0[first]! + b.y1[first]!) / 2,
      w: b.x1[first]! - b.x0[first]! + 1,
      h: b.y1[first]! - b.y0[first]! + 1,
    };
  });
  const found: number[] = [];
  for (let c = 0; c < b.count; c++) {
    if (removed[c] || leaders[c]) continue;
    const w = b.x1[c]! - b.x0[c]! + 1;
    const h = b.y1[c]! - b.y0[c]! + 1;
    if (w > maxDot || h > maxDot) continue;
    const x = (b.x0[c]! + b.x1[c]!) / 2;
    const cy = (b.y0[c]! + b.y1[c]!) / 2;
    const onRow = rows.some((r) => {
      if (Math.abs(cy - r.cy) > Math.max(1.5, 0.25 * r.h) || Math.abs(w - r.w) > Math.max(1, 0.3 * r.w) || Math.abs(h - r.h) > Math.max(1, 0.3 * r.h)) return false;
      if (x < r.x0 - ROW_REACH * r.pitch || x > r.x1 + ROW_REACH * r.pitch) return false;
      const steps = (x - r.x0) / r.pitch;
      return Math.abs(steps - Math.round(steps)) <= GRID_TOLERANCE;
    });
    if (onRow) found.push(c);
  }
  return found;
}

function paperBetween(ink: Uint8Array, width: number, xFrom: number, xTo: number, yFrom: number, yTo: number): boolean {
  for (let y = yFrom; y <= yTo; y++) {
    const row = y * width;
    for (let x = xFrom; x <= xTo; x++) if (ink[row + x] === 1) return false;
  }
  return true;
}

function regularlySpaced(chain: number[], b: Components): boolean {
  const spacings: number[] = [];
  for (let i = 1; i < chain.length; i++) {
    const p = chain[i - 1]!;
    const q = chain[i]!;
    spacings.push((b.x0[q]! + b.x1[q]! - b.x0[p]! - b.x1[p]!) / 2);
  }
  const mean = spacings.reduce((s, v) => s + v, 0) / spacings.length;
  const variance = spacings.reduce((s, v) => s + (v - mean) ** 2, 0) / spacings.length;
  return Math.sqrt(variance) <= MAX_SPACING_VARIATION * mean;
}
