import type { OcrBox, OcrLine } from './ocr-types.js';
import { labelKey } from './label-fold.js';

/**
 * An OCR line cut into pieces: tesseract glues labels, colons, dotted leaders and entries into one "word"
 * ("hộ:....Vợ....", "....Nguyễn"), so words are split at colons and leader runs before labels are looked for.
 */

export type PieceKind = 'text' | 'colon' | 'leader' | 'punct';

export interface LinePiece {
  kind: PieceKind;
  text: string;
  /** labelKey(text): '' for anything but text. */
  key: string;
  /** Confidence (0–100) of the word the piece came from. */
  confidence: number;
  /** The piece's share of its word's box (split in proportion to characters). */
  bbox: OcrBox;
  /** Index of the source word in the line. */
  word: number;
  /** Index of the piece in the line: pieces of one word are glued back only when nothing was between them. */
  seq: number;
}

/**
 * Leader runs as OCR reads them: dots, ellipses, underscores, dashes, middle dots, and mixtures of them
 * ("……", "....", "_ _", "-----", ".:.."). Two characters make a run; a lone … is one too.
 */
const SPLIT_RE = /([.…_\-–—·•,:;~'"`*=]{2,}|…|:)/u;
const LEADER_RE = /^[.…_\-–—·•,:;~'"`*=]+$/u;
const PUNCT_RE = /^[^\p{L}\p{N}]+$/u;

/**
 * Splits every word of a line into text, colon, leader and punctuation pieces.
 *
 * @example
 * linePieces(line).map((p) => p.text); // 'hộ:....Vợ....' → ['hộ', ':', '....', 'Vợ', '....']
 */
export function linePieces(line: OcrLine): LinePiece[] {
  const out: LinePiece[] = [];
  line.words.forEach((word, index) => {
    const text = word.text.normalize('NFC');
    const parts = text.split(SPLIT_RE).filter((p) => p !== '');
    let offset = 0;
    for (const part of parts) {
      out.push({
        kind: kindOf(part),
        text: part,
        key: kindOf(part) === 'text' ? labelKey(part) : '',
        confidence: word.confidence,
        bbox: share(word.bbox, offset, part.length, text.length),
        word: index,
        seq: out.length,
      });
      offset += part.length;
    }
  });
  return out;
}

function kindOf(part: string): PieceKind {
  if (part === ':') return 'colon';
  // A date or number keeps its dots and dashes ("12.03.1985"): only pure punctuation runs are leaders.
  if (LEADER_RE.test(part) && (part.length >= 2 || part === '…')) return 'leader';
  if (PUNCT_RE.test(part)) return 'punct';
  return 'text';
}

/** The horizontal slice of a word's box that `length` characters from `offset` take up. */
function share(box: OcrBox, offset: number, length: number, total: number): OcrBox {
  if (total <= 0 || length === total) return { ...box };
  const width = box.x1 - box.x0;
  return {
    x0: Math.round(box.x0 + (width * offset) / total),
    y0: box.y0,
    x1: Math.round(box.x0 + (width * (offset + length)) / total),
    y1: box.y1,
  };
}

/**
 * The smallest box holding all the given boxes, or null for none.
 *
 * @example
 * unionBox([{ x0: 1, y0: 2, x1: 5, y1: 6 }, { x0: 4, y0: 1, x1: 9, y1: 3 }]); // { x0: 1, y0: 1, x1: 9, y1: 6 }
 */
export function unionBox(boxes: readonly OcrBox[]): OcrBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => ({
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  }));
}
