import { baseChar, labelKey, prefixDistances } from './label-fold.js';
import type { LinePiece } from './layout-pieces.js';
import { PAGE_LABELS, type PageLabel } from './page-labels.js';

/** A printed label found in a line: pieces [start, end) are the label, the entry starts at `entryStart`. */
export interface LabelHit {
  label: PageLabel;
  start: number;
  end: number;
  /** First piece after the label, its "(nếu có)" hint and its colon. */
  entryStart: number;
  distance: number;
}

interface Spelling {
  label: PageLabel;
  key: string;
  base0: string;
  /**
   * The label's weakness, for this spelling: a compound spelling ("Tỉnh/thành phố", "Thôn, bản, tổ") never occurs
   * inside an entry, so it is a label even without its colon; "Tỉnh" or "Tổ dân phố" alone may be an entry.
   */
  weak: boolean;
}

/** Longest first: at one position the longest label that matches wins ("Họ và tên gọi khác" over "Họ và tên"). */
const SPELLINGS: readonly Spelling[] = PAGE_LABELS.flatMap((label) =>
  label.spellings.map((s) => ({ label, key: labelKey(s), base0: baseChar(labelKey(s)[0]), weak: label.weak === true && !/[/,]/.test(s) })),
).sort((a, b) => b.key.length - a.key.length);

/**
 * Where a candidate label starts: at the line's start, after a leader or colon, right after entry text, or right
 * after another label (where the words are that label's entry unless they clearly are a label).
 */
type Position = 'line_start' | 'after_leader' | 'after_entry' | 'after_label';

/**
 * How far (in letter errors; a diacritic slip is a quarter) a label may be from what OCR read. Where a label is
 * expected (line start, or a colon follows) more is tolerated; inside an entry little is, so "Nam Định" after a
 * leader is not read as "Năm sinh".
 */
function tolerance(length: number, expected: boolean): number {
  if (!expected) return length <= 6 ? 0.5 : length <= 10 ? 1 : length * 0.12;
  if (length <= 2) return 0.5;
  if (length <= 4) return 0.75;
  if (length <= 6) return 1.25;
  if (length <= 10) return 2;
  return length * 0.2;
}

const HINT_RE = /^\(?\s*(?:neu co|neu|ghi ro)\b/;
/** Letters a colon right after a word is read as (not digits: "Tổ1" is a hamlet number). */
const COLON_READ_AS: ReadonlySet<string> = new Set(['i', 'l', 'ì', 'í']);
const DIGIT_START_RE = /^\p{N}/u;
const MAX_PIECES = 10;

/**
 * Finds the printed labels of one line, left to right, each with the piece its entry starts at.
 *
 * @example
 * findLabels(linePieces(line)); // "Giới tính: Nam Dân tộc: Thái" → [sex (entry at 'Nam'), ethnicity (entry at 'Thái')]
 */
export function findLabels(pieces: readonly LinePiece[]): LabelHit[] {
  const hits: LabelHit[] = [];
  let position: Position = 'line_start';
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i];
    if (i > 0 && position !== 'after_label' && isWideGap(pieces[i - 1], piece)) position = 'line_start';
    if (piece.kind !== 'text') {
      if (piece.kind !== 'punct' && position === 'after_entry') position = 'after_leader';
      i++;
      continue;
    }
    const hit = bestLabelAt(pieces, i, position);
    if (hit === null) {
      position = 'after_entry';
      i++;
      continue;
    }
    hits.push(hit);
    position = 'after_label';
    i = hit.entryStart;
  }
  return hits;
}

/**
 * A blank wider than this many line heights starts a second column of labels, as the line's start does
 * ("Giới tính: Nam            Dân tộcc Mông": the leader between was removed, and the second label lost its colon).
 */
const WIDE_GAP_LINES = 3;

function isWideGap(before: LinePiece, piece: LinePiece): boolean {
  const height = Math.max(1, piece.bbox.y1 - piece.bbox.y0);
  return piece.bbox.x0 - before.bbox.x1 > WIDE_GAP_LINES * height;
}

function bestLabelAt(pieces: readonly LinePiece[], start: number, position: Position): LabelHit | null {
  // The text of up to MAX_PIECES text pieces from `start` (punctuation inside a label, like its commas, is skipped).
  const ends: { piece: number; chars: number }[] = [];
  let text = '';
  for (let p = start; p < pieces.length && ends.length < MAX_PIECES; p++) {
    const piece = pieces[p];
    if (piece.kind === 'colon' || piece.kind === 'leader') break;
    if (piece.kind !== 'text') continue;
    text += piece.key;
    ends.push({ piece: p + 1, chars: text.length });
  }
  if (text === '') return null;
  const first = baseChar(text[0]);
  // The best hit of each spelling length, longest first (SPELLINGS' order).
  const found: { hit: LabelHit; length: number }[] = [];
  for (const spelling of SPELLINGS) {
    if (spelling.base0 !== first) continue;
    if (position === 'after_label' && spelling.weak) continue;
    const generous = tolerance(spelling.key.length, true);
    if (text.length + generous < spelling.key.length) continue;
    const distances = prefixDistances(spelling.key, text.slice(0, spelling.key.length + Math.ceil(generous) + 1));
    for (const end of ends) {
      if (end.chars >= distances.length) break;
      const hits = [accept(pieces, spelling, start, end.piece, distances[end.chars], position, false)];
      // A colon glued to the label's last word is often read as a letter ("Thôn/bản/tổi", "Dân tộcl").
      if (COLON_READ_AS.has(text[end.chars - 1]) && end.chars >= 2) {
        hits.push(accept(pieces, spelling, start, end.piece, distances[end.chars - 1], position, true));
      }
      for (const hit of hits) {
        if (hit === null) continue;
        const last = found[found.length - 1];
        if (last?.length === spelling.key.length) {
          if (hit.distance < last.hit.distance) last.hit = hit;
        } else found.push({ hit, length: spelling.key.length });
      }
    }
  }
  return longestFitting(found);
}

/**
 * The longest label that matches ("Họ và tên gọi khác" over "Họ và tên"), unless its extra letters are a poor
 * match a shorter label does without: with its colon lost, "Quan hệ với chủ hộ Chủ hộ" is "Quan hệ với chủ hộ" and
 * the entry "Chủ hộ", not "Quan hệ với chủ hộ khẩu" (khẩu ≈ Chủ, two errors) and the entry "hộ". The extra letters
 * are held to the tolerance of a label inside an entry.
 */
function longestFitting(found: readonly { hit: LabelHit; length: number }[]): LabelHit | null {
  let best = found[0] ?? null;
  for (const { hit, length } of found.slice(1)) {
    if (best!.hit.distance - hit.distance > tolerance(best!.length - length, false)) best = { hit, length };
  }
  return best?.hit ?? null;
}

/** Checks a candidate against what follows it and where it stands; null when it cannot be a label here. */
function accept(
  pieces: readonly LinePiece[],
  { label, key, weak }: Spelling,
  start: number,
  end: number,
  distance: number,
  position: Position,
  gluedColon: boolean,
): LabelHit | null {
  // "(nếu có)", "(ghi rõ …)": a printed hint between the label and its colon.
  let next = gluedColon ? end : skipHint(pieces, end);
  const following = next < pieces.length ? pieces[next] : null;
  // A colon read as a period glued to the label's last word ("Dântộcc. Mông"), for a label of some length read
  // nearly right (a name's "Xá." is no "Xã" label).
  const period = !label.weak && key.length >= 5 && distance <= 1 && pieces[end - 1]?.text.endsWith('.') === true;
  const colon = gluedColon || following?.kind === 'colon' || period;
  const leader = following?.kind === 'leader';
  const expected = colon || position === 'line_start';
  if (distance > tolerance(key.length, expected)) return null;
  // Inside an entry, a last letter taken for a glued colon needs the rest read right: "Chang Thị Mai" is a name,
  // not "Chang" and the label "Thị xã" (its colon read as the i).
  if (gluedColon && position === 'after_entry' && distance > 0.5) return null;
  const settled = position === 'line_start' || position === 'after_leader';
  // A compound spelling of a weak label without its colon must be read nearly right: "Xãl Mường" is not "Xã/phường".
  if (label.weak && !weak && !colon && distance > 1) return null;
  if (weak) {
    const digits = label.digitsMayFollow === true && following !== null && DIGIT_START_RE.test(following.text);
    if (!(colon || (settled && (leader || digits)))) return null;
  } else if (position === 'after_label') {
    if (!(colon || leader || following === null)) return null;
  } else if (position !== 'line_start') {
    if (!(colon || leader || distance <= 0.5)) return null;
  }
  while (next < pieces.length && pieces[next].kind !== 'text') next++;
  return { label, start, end, entryStart: next, distance };
}
function skipHint(pieces: readonly LinePiece[], from: number): number {
  if (from >= pieces.length || !pieces[from].text.startsWith('(')) return from;
  let folded = '';
  for (let p = from; p < pieces.length && p < from + 6; p++) {
    folded += ' ' + pieces[p].text;
    if (pieces[p].text.includes(')')) {
      const key = folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase().trim();
      return HINT_RE.test(key) ? p + 1 : from;
    }
  }
  return from;
}
