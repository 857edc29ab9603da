import type { OcrLine, OcrPage, OcrWord } from './ocr-types.js';

/** A line for pageFromLines: its text, and the confidence of all its words or of some of them by their text. */
export type TestLine = string | { text: string; confidence?: number | Record<string, number>; gapBefore?: number };

const CHAR_WIDTH = 20;
const LINE_HEIGHT = 40;
const LINE_PITCH = 70;
const DEFAULT_CONFIDENCE = 95;

/**
 * Builds an OcrPage from lines of text, as tesseract would return it: words split on spaces, fake boxes
 * (20 px per character, one line every 70 px; `gapBefore` adds blank lines), confidence 95 unless given.
 * For tests only.
 *
 * @example
 * pageFromLines(['Họ và tên: Nguyễn Thị Hường', { text: 'Giới tính: Nừ', confidence: { 'Nừ': 62 } }]);
 */
export function pageFromLines(lines: readonly TestLine[]): OcrPage {
  let y = 100;
  const out: OcrLine[] = [];
  for (const spec of lines) {
    const line = typeof spec === 'string' ? { text: spec } : spec;
    y += (line.gapBefore ?? 0) * LINE_PITCH;
    const words: OcrWord[] = [];
    const re = /\S+/g;
    for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      const confidence = typeof line.confidence === 'number' ? line.confidence : (line.confidence?.[m[0]] ?? DEFAULT_CONFIDENCE);
      const x0 = 100 + m.index * CHAR_WIDTH;
      words.push({ text: m[0], confidence, bbox: { x0, y0: y, x1: x0 + m[0].length * CHAR_WIDTH, y1: y + LINE_HEIGHT } });
    }
    if (words.length > 0) {
      out.push({
        text: words.map((w) => w.text).join(' '),
        confidence: Math.min(...words.map((w) => w.confidence)),
        bbox: { x0: words[0].bbox.x0, y0: y, x1: words[words.length - 1].bbox.x1, y1: y + LINE_HEIGHT },
        words,
      });
    }
    y += LINE_PITCH;
  }
  return { width: 2480, height: y + 100, lines: out };
}
