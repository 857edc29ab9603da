/**
 * Scan damage at three levels. The page is laid on the scanner bed inside the SVG (crooked by the level's
 * angle, shrunk to keep its corners, on a white bed; poor scans on yellowed, unevenly shaded paper with
 * faded ink), rendered by sharp at the level's resolution, then blurred by sharp, given seeded sensor
 * noise and saved by sharp as the office's JPEG. Same seed → same bytes.
 *
 * Turning the page in the vector drawing costs nothing at render time, where turning a 300-dpi raster
 * costs more than everything else together; the scanner's blur hides the difference.
 *
 * @example
 * const scan = await damagePage(renderPageSvg(spec, rng), 'poor', new Rng(3)); // 200 dpi, JPEG quality 50
 * scan.jpeg?.length; // bytes of the JPEG the scanner wrote
 */
import sharp from 'sharp';
import type { Rng } from '../synthetic/prng.js';
import { PAGE_HEIGHT, PAGE_WIDTH } from './render-page-svg.js';
import { r } from './svg-parts.js';

export type DamageLevel = 'clean' | 'moderate' | 'poor';
export const DAMAGE_LEVELS: readonly DamageLevel[] = ['clean', 'moderate', 'poor'];

interface LevelSpec {
  dpi: number;
  maxAngle: number;
  blur: [number, number];
  /** Standard deviation of the sensor noise, in 0–255 grey levels. */
  noise: [number, number];
  jpegQuality: number | null;
  yellowed: boolean;
}

const LEVELS: Record<DamageLevel, LevelSpec> = {
  clean: { dpi: 300, maxAngle: 0, blur: [0, 0], noise: [0, 0], jpegQuality: null, yellowed: false },
  moderate: { dpi: 300, maxAngle: 2, blur: [0.5, 0.8], noise: [6, 10], jpegQuality: 70, yellowed: false },
  poor: { dpi: 200, maxAngle: 4, blur: [0.8, 1.1], noise: [12, 17], jpegQuality: 50, yellowed: true },
};

/** What damage was done, kept in the truth so a benchmark can relate errors to it. */
export interface DamageApplied {
  /** Degrees, positive clockwise. */
  angle: number;
  /** Gaussian sigma in output pixels. */
  blur: number;
  noise: number;
}

export interface ScannedPage {
  level: DamageLevel;
  dpi: number;
  width: number;
  height: number;
  /** 1 for greyscale, 3 for colour (poor scans keep the yellow paper). */
  channels: 1 | 3;
  /** The scanner's JPEG (moderate and poor). */
  jpeg: Buffer | null;
  damage: DamageApplied;
  /** Final pixels, row-major, `channels` bytes a pixel (the JPEG decoded when there is one). */
  pixels(): Promise<Buffer>;
}

/** Output raster size of a page at a level. */
export function pageSize(level: DamageLevel): { width: number; height: number } {
  const scale = LEVELS[level].dpi / 300;
  return { width: Math.round(PAGE_WIDTH * scale), height: Math.round(PAGE_HEIGHT * scale) };
}

export function levelDpi(level: DamageLevel): number {
  return LEVELS[level].dpi;
}

/** Scans the page drawing `body` (from renderPageSvg) at `level`. */
export async function damagePage(body: string, level: DamageLevel, rng: Rng): Promise<ScannedPage> {
  const spec = LEVELS[level];
  const { width, height } = pageSize(level);
  const channels: 1 | 3 = spec.yellowed ? 3 : 1;
  const angle = round2((rng.next() * 2 - 1) * spec.maxAngle);
  const blur = round2(spec.blur[0] + rng.next() * (spec.blur[1] - spec.blur[0]));
  const noise = round2(spec.noise[0] + rng.next() * (spec.noise[1] - spec.noise[0]));
  const base = { level, dpi: spec.dpi, width, height, channels, damage: { angle, blur, noise } };

  const svg = scannerSvg(body, { width, height }, angle, spec.yellowed ? rng : null);
  // Grey scans keep the green channel, as many office scanners do: cheap, and blue ink stays dark.
  let rendered = sharp(Buffer.from(svg));
  rendered = channels === 1 ? rendered.extractChannel(1) : rendered.removeAlpha();
  if (blur >= 0.3) rendered = rendered.blur(blur);
  const raw = await rendered.raw().toBuffer();
  if (level === 'clean') return { ...base, jpeg: null, pixels: async () => raw };

  const asRaw = { raw: { width, height, channels } };
  addNoise(raw, noise, rng);
  // sharp writes sRGB unless told: a grey scan stays one channel.
  const encoder = channels === 1 ? sharp(raw, asRaw).toColourspace('b-w') : sharp(raw, asRaw);
  const jpeg = await encoder.jpeg({ quality: spec.jpegQuality ?? 90, chromaSubsampling: '4:2:0', optimiseCoding: false })
    .withDensity(spec.dpi).toBuffer();
  let decoded: Promise<Buffer> | null = null;
  const decode = (): Promise<Buffer> => (channels === 1 ? sharp(jpeg).toColourspace('b-w') : sharp(jpeg).removeAlpha()).raw().toBuffer();
  return { ...base, jpeg, pixels: () => (decoded ??= decode()) };
}

/**
 * The whole scanner image as SVG: a white bed, the page turned by `angle` about its centre and shrunk
 * just enough to stay inside the frame, on yellowed paper when `paperRng` is given.
 */
export function scannerSvg(body: string, size: { width: number; height: number }, angle: number, paperRng: Rng | null): string {
  const W = PAGE_WIDTH, H = PAGE_HEIGHT;
  const a = (Math.abs(angle) * Math.PI) / 180;
  const fit = Math.min(W / (W * Math.cos(a) + H * Math.sin(a)), H / (W * Math.sin(a) + H * Math.cos(a)));
  const turn = angle === 0 ? '' : ` transform="translate(${W / 2} ${H / 2}) rotate(${angle}) scale(${fit.toFixed(5)}) translate(${-W / 2} ${-H / 2})"`;
  const paper = paperRng ? oldPaper(paperRng) : { defs: '', page: `<rect width="${W}" height="${H}" fill="#fff"/>`, ink: '' };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${W} ${H}">` +
    `<defs>${paper.defs}</defs><rect width="${W}" height="${H}" fill="#fff"/>` +
    `<g${turn}>${paper.page}<g${paper.ink}>${body}</g></g></svg>`;
}

/** Yellowed paper: a tint, a brown cast spreading from one corner, darker edges, and ink faded into it. */
function oldPaper(rng: Rng): { defs: string; page: string; ink: string } {
  const W = PAGE_WIDTH, H = PAGE_HEIGHT;
  const tint = rgb(238 + rng.int(-6, 6), 226 + rng.int(-8, 6), 184 + rng.int(-14, 10));
  const corner = [rng.chance(0.5) ? 0 : 1, rng.chance(0.5) ? 0 : 1];
  const stain = (0.18 + rng.next() * 0.17).toFixed(2);
  const defs =
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#5a4a20" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#5a4a20" stop-opacity="0.28"/></radialGradient>` +
    `<linearGradient id="stain" x1="${corner[0]}" y1="${corner[1]}" x2="${1 - corner[0]}" y2="${1 - corner[1]}">` +
    `<stop offset="0" stop-color="#a0702a" stop-opacity="${stain}"/><stop offset="0.6" stop-color="#a0702a" stop-opacity="0"/></linearGradient>`;
  const page = `<rect width="${W}" height="${H}" fill="${tint}"/><rect width="${W}" height="${H}" fill="url(#stain)"/>` +
    `<rect width="${W}" height="${H}" fill="url(#vignette)"/>`;
  return { defs, page, ink: ` opacity="${r(0.78 + rng.next() * 0.1)}"` };
}

/** Adds approximately Gaussian noise of deviation `sigma` from a seeded table (fast and reproducible). */
function addNoise(raw: Buffer, sigma: number, rng: Rng): void {
  if (sigma <= 0) return;
  const table = new Int16Array(4096);
  for (let i = 0; i < table.length; i++) {
    // Irwin–Hall: the sum of 4 uniforms (variance 1/3) is close enough to a bell for scanner noise.
    const s = rng.next() + rng.next() + rng.next() + rng.next() - 2;
    table[i] = Math.round(s * sigma * Math.sqrt(3));
  }
  let state = rng.int(1, 2 ** 31 - 1);
  for (let i = 0; i < raw.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const v = raw[i] + table[state & 4095];
    raw[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

const rgb = (red: number, green: number, blue: number): string => `rgb(${red},${green},${blue})`;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
