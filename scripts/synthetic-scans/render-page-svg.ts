/**
 * Lays out one book page as SVG in 300-dpi A5 coordinates (1748 × 2480): printed labels in the edition's
 * form font, entries in the "pen" font after them (or at a fixed column), long entries wrapped onto the
 * next line, leaders or rulings, and the registration date with the officer's signature at the foot.
 *
 * @example
 * const body = renderPageSvg({ kind: 'member', edition, rows: edition.memberRows, values, footer, pageNo: 2 }, new Rng(1));
 * const scan = await damagePage(body, 'moderate', new Rng(2));
 */
import type { Rng } from '../synthetic/prng.js';
import type { PrintEdition, PrintedRow, Slot } from './print-editions.js';
import type { DayDate } from './scan-household.js';
import { dottedLine, escapeXml, r, ruling, scribble, stamp, svgText, textWidth, wrapText, type TextStyle } from './svg-parts.js';

/** A5 at 300 dpi. */
export const PAGE_WIDTH = 1748;
export const PAGE_HEIGHT = 2480;

export interface PageSpec {
  kind: 'household' | 'member';
  edition: PrintEdition;
  rows: readonly PrintedRow[];
  values: Partial<Record<Slot, string>>;
  footer: { date: DayDate; caption: string; officer: string };
  /** 1-based page number in the book. */
  pageNo: number;
}

interface Piece {
  x: number;
  text: string;
  style: TextStyle;
  /** Vertical nudge of a written entry, px. */
  dy: number;
}

interface Line {
  pieces: Piece[];
  /** Leader or ruling spans [from, to] on this line. */
  spans: [number, number][];
}

/** The page's drawing (SVG elements in 1748 × 2480 page coordinates, without the page background). */
export function renderPageSvg(spec: PageSpec, rng: Rng): string {
  const ed = spec.edition;
  const x0 = ed.margin.left + rng.int(-25, 25);
  const x1 = PAGE_WIDTH - ed.margin.right + rng.int(-20, 20);
  let y = ed.margin.top + rng.int(-30, 30);
  const label: TextStyle = { font: ed.labelFont, size: ed.fontSize };
  const out: string[] = [];

  if (spec.kind === 'household') {
    const mid = (x0 + x1) / 2;
    if (ed.nationalHeading) {
      out.push(svgText(mid, y, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...label, size: ed.fontSize * 0.85, bold: true, anchor: 'middle' }));
      y += ed.fontSize * 1.3;
      out.push(svgText(mid, y, 'Độc lập - Tự do - Hạnh phúc', { ...label, size: ed.fontSize * 0.85, bold: true, anchor: 'middle' }));
      out.push(ruling(mid - 230, mid + 230, y + 16, 2));
      y += ed.fontSize * 3.2;
    } else y += ed.fontSize * 1.5;
    out.push(svgText(mid, y, ed.householdTitle, { ...label, size: ed.fontSize * 1.9, bold: true, anchor: 'middle' }));
    y += ed.fontSize * 3.4;
  }

  const lines = layoutRows(spec, rng, x0, x1);
  const footerHeight = ed.fontSize * 9;
  const bottom = PAGE_HEIGHT - 140 - footerHeight;
  // Editions print a fixed pitch; only a very full page is squeezed to keep the foot on the page.
  const pitch = Math.min(ed.fontSize * ed.lineGap, (bottom - y) / Math.max(lines.length, 1));
  const blockTop = y - ed.fontSize * 1.5;
  for (const line of lines) {
    for (const [a, b] of line.spans) {
      if (ed.leader === 'rules') out.push(ruling(a, b, y + ed.fontSize * 0.32));
      else if (ed.leader === 'dots-under') out.push(dottedLine(a, b, y + ed.fontSize * 0.25, ed.fontSize * 0.3, 4));
      else out.push(dottedLine(a, b, y - 2, ed.fontSize * 0.28, 5));
    }
    for (const p of line.pieces) out.push(svgText(p.x, y + p.dy, p.text, p.style));
    y += pitch;
  }
  if (ed.box) {
    out.push(`<rect x="${r(x0 - 45)}" y="${r(blockTop)}" width="${r(x1 - x0 + 90)}" height="${r(y - blockTop)}" fill="none" stroke="#222" stroke-width="4"/>`);
  }
  out.push(...footer(spec, rng, x0, x1, Math.max(y + ed.fontSize, bottom + ed.fontSize)));
  if (ed.pageNumbers) out.push(svgText(PAGE_WIDTH / 2, PAGE_HEIGHT - 90, `Trang ${spec.pageNo}`, { ...label, size: ed.fontSize * 0.7, anchor: 'middle' }));

  return out.join('');
}

/** Places the labels and entries row by row; a row whose fields do not fit side by side is split. */
function layoutRows(spec: PageSpec, rng: Rng, x0: number, x1: number): Line[] {
  const ed = spec.edition;
  const label: TextStyle = { font: ed.labelFont, size: ed.fontSize };
  const entry: TextStyle = { font: ed.entryFont, size: ed.fontSize * 1.05, italic: ed.entryItalic, color: ed.entryColor };
  const lines: Line[] = [];
  const rows = spec.rows.flatMap((row) => (fitsSideBySide(row, spec.values, ed, x1 - x0) ? [row] : row.map((f) => [f])));
  for (const row of rows) {
    const line: Line = { pieces: [], spans: [] };
    const extra: Line[] = [];
    const segment = (x1 - x0) / row.length;
    row.forEach((field, i) => {
      const segStart = x0 + (i === 0 ? 0 : Math.max(segment * i, naturalEnd(line) - x0 + 70));
      const segEnd = i === row.length - 1 ? x1 : x0 + segment * (i + 1) - 40;
      const text = `${field.label}:`;
      line.pieces.push({ x: segStart, text, style: label, dy: 0 });
      const labelEnd = segStart + textWidth(text, label.font, label.size);
      const column = ed.entryColumn !== null && row.length === 1 ? Math.max(x0 + ed.entryColumn, labelEnd + 20) : labelEnd + 28;
      const value = spec.values[field.slot] ?? '';
      const entryX = column + rng.int(0, 14);
      const wrapX = ed.entryColumn !== null ? x0 + ed.entryColumn : x0 + 40;
      const parts = value === '' ? [''] : wrapText(value, entry.font, entry.size, segEnd - entryX - 10, x1 - wrapX - 10);
      parts.forEach((part, k) => {
        const target = k === 0 ? line : (extra[k - 1] ??= { pieces: [], spans: [] });
        const x = k === 0 ? entryX : wrapX + rng.int(0, 10);
        if (part !== '') target.pieces.push({ x, text: part, style: entry, dy: rng.int(-5, 2) });
        const spanFrom = ed.leader === 'dots-after' && part !== '' ? x + textWidth(part, entry.font, entry.size) + 16 : (k === 0 ? labelEnd + 20 : x0);
        if (ed.leader !== 'rules' || i === 0) target.spans.push([spanFrom, ed.leader === 'rules' ? x1 : segEnd]);
      });
    });
    lines.push(line, ...extra);
  }
  return lines;
}

/** Whether a multi-field row fits on one line with each entry unwrapped. */
function fitsSideBySide(row: PrintedRow, values: Partial<Record<Slot, string>>, ed: PrintEdition, width: number): boolean {
  if (row.length === 1) return true;
  const need = row.reduce((sum, f) => sum + textWidth(`${f.label}: `, ed.labelFont, ed.fontSize) +
    Math.max(textWidth(values[f.slot] ?? '', ed.entryFont, ed.fontSize * 1.05), 160) + 90, 0);
  return need <= width;
}

function naturalEnd(line: Line): number {
  const last = line.pieces[line.pieces.length - 1];
  return last ? last.x + textWidth(last.text, last.style.font, last.style.size) : 0;
}

/** The registration date, the officer's caption, a signature and the officer's name (a stamp on household pages). */
function footer(spec: PageSpec, rng: Rng, x0: number, x1: number, top: number): string[] {
  const ed = spec.edition;
  const cx = x0 + (x1 - x0) * (0.66 + rng.next() * 0.06);
  const label: TextStyle = { font: ed.labelFont, size: ed.fontSize * 0.95 };
  const pen = `font-family="${escapeXml(ed.entryFont)}" ${ed.entryItalic ? 'font-style="italic" ' : ''}fill="${ed.entryColor}"`;
  const d = spec.footer.date;
  // Printed words with the numbers written into their blanks.
  const dateLine = `<text x="${r(cx)}" y="${r(top)}" font-family="${escapeXml(ed.labelFont)}" font-size="${r(label.size)}" ` +
    `fill="#111" text-anchor="middle" xml:space="preserve">Ngày <tspan ${pen}>${d.day}</tspan> tháng <tspan ${pen}>${d.month}</tspan>` +
    ` năm <tspan ${pen}>${d.year}</tspan></text>`;
  const out = [dateLine, svgText(cx, top + ed.fontSize * 1.5, spec.footer.caption, { ...label, bold: true, anchor: 'middle' })];
  const sigY = top + ed.fontSize * 4;
  if (spec.kind === 'household') out.push(stamp(cx - 120 + rng.int(-30, 30), sigY - 20 + rng.int(-20, 20), 170));
  out.push(scribble(rng, cx - 170 + rng.int(-20, 20), sigY, 300 + rng.int(0, 60), ed.entryColor));
  out.push(svgText(cx, top + ed.fontSize * 6.6, spec.footer.officer, { font: ed.entryFont, size: ed.fontSize, italic: ed.entryItalic, color: ed.entryColor, anchor: 'middle' }));
  return out;
}
