/**
 * Small SVG builders for the page renderer: escaped text, leaders, rulings, a signature scribble, a stamp,
 * and a width estimate for wrapping (librsvg lays the text out; we only need to know where a line is full).
 *
 * @example
 * svgText(100, 200, 'Lò Thị Xuân', { font: 'DejaVu Serif', size: 40 }); // '<text x="100" y="200" …>Lò Thị Xuân</text>'
 */
import type { Rng } from '../synthetic/prng.js';

/** Escapes text for an XML text node or attribute; the text is put in NFC first (combining marks render badly). */
export function escapeXml(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export interface TextStyle {
  font: string;
  size: number;
  italic?: boolean;
  bold?: boolean;
  color?: string;
  anchor?: 'start' | 'middle' | 'end';
}

export function svgText(x: number, y: number, text: string, s: TextStyle): string {
  const attrs = [
    `x="${r(x)}"`, `y="${r(y)}"`, `font-family="${escapeXml(s.font)}"`, `font-size="${r(s.size)}"`,
    s.italic ? 'font-style="italic"' : '', s.bold ? 'font-weight="bold"' : '',
    `fill="${s.color ?? '#111'}"`, s.anchor && s.anchor !== 'start' ? `text-anchor="${s.anchor}"` : '',
  ].filter(Boolean).join(' ');
  return `<text ${attrs} xml:space="preserve">${escapeXml(text)}</text>`;
}

/** Em widths by character class, per font family: rough advance widths, rounded up so wrapping errs early. */
const WIDTHS: Record<string, { lower: number; upper: number; digit: number; space: number }> = {
  'DejaVu Serif': { lower: 0.6, upper: 0.8, digit: 0.64, space: 0.32 },
  'DejaVu Sans': { lower: 0.6, upper: 0.78, digit: 0.64, space: 0.32 },
  'FreeSerif': { lower: 0.48, upper: 0.7, digit: 0.5, space: 0.25 },
  'FreeSans': { lower: 0.54, upper: 0.7, digit: 0.56, space: 0.28 },
  'FreeMono': { lower: 0.6, upper: 0.6, digit: 0.6, space: 0.6 },
};

/** Estimated advance width of `text` in px. */
export function textWidth(text: string, font: string, size: number, bold = false): number {
  const w = WIDTHS[font] ?? WIDTHS['DejaVu Sans'];
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += w.space;
    else if (/\d/.test(ch)) em += w.digit;
    else if (/[.,:;'()\/-]/.test(ch)) em += w.space;
    else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) em += w.upper;
    else em += w.lower;
  }
  return em * size * (bold ? 1.08 : 1);
}

/** Splits `text` at spaces into lines: the first at most `first` px wide, the others at most `rest`. */
export function wrapText(text: string, font: string, size: number, first: number, rest: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    const limit = lines.length === 0 ? first : rest;
    if (line && textWidth(candidate, font, size) > limit) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A dotted leader: round dots on a line from x1 to x2 at height y. */
export function dottedLine(x1: number, x2: number, y: number, pitch: number, dot: number): string {
  if (x2 - x1 < pitch) return '';
  return `<line x1="${r(x1)}" y1="${r(y)}" x2="${r(x2)}" y2="${r(y)}" stroke="#333" stroke-width="${r(dot)}" ` +
    `stroke-dasharray="${r(dot)} ${r(pitch - dot)}"/>`;
}

export function ruling(x1: number, x2: number, y: number, width = 2): string {
  return `<line x1="${r(x1)}" y1="${r(y)}" x2="${r(x2)}" y2="${r(y)}" stroke="#555" stroke-width="${width}"/>`;
}

/** A hand signature: a few loops and a final flourish, different for every seed. */
export function scribble(rng: Rng, x: number, y: number, width: number, color: string): string {
  const h = width * 0.28;
  let d = `M ${r(x)} ${r(y + rng.next() * h * 0.3)}`;
  const strokes = rng.int(4, 7);
  for (let i = 1; i <= strokes; i++) {
    const px = x + (width * i) / strokes;
    const c1 = [px - width / strokes + rng.next() * 20, y - h * (0.4 + rng.next())];
    const c2 = [px - rng.next() * 30, y + h * (0.2 + rng.next() * 0.6)];
    d += ` C ${r(c1[0])} ${r(c1[1])} ${r(c2[0])} ${r(c2[1])} ${r(px)} ${r(y - h * (rng.next() - 0.5) * 0.5)}`;
  }
  d += ` Q ${r(x + width * 0.6)} ${r(y + h * 0.9)} ${r(x - width * 0.05)} ${r(y + h * 0.35)}`;
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${r(3 + rng.next() * 2)}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** A round office stamp, faint, with no legible text (its words would only be noise for the reader). */
export function stamp(cx: number, cy: number, radius: number): string {
  return `<g fill="none" stroke="#b33" stroke-opacity="0.55"><circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius)}" stroke-width="6"/>` +
    `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius * 0.78)}" stroke-width="3"/>` +
    `<path d="${star(cx, cy, radius * 0.3)}" fill="#b33" fill-opacity="0.5" stroke="none"/></g>`;
}

function star(cx: number, cy: number, rad: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? rad : rad * 0.4;
    pts.push(`${r(cx + rr * Math.cos(a))} ${r(cy + rr * Math.sin(a))}`);
  }
  return `M ${pts.join(' L ')} Z`;
}

/** Rounds to 0.1 px so the SVG text (and so the bytes) is the same on every platform. */
export function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
