/**
 * Separates a name cell into the name itself and what clerks write around it: notes in brackets
 * ("(đã chết)"), notes after a dash or comma ("- chuyển đi 2019"), stray quotes and punctuation.
 */
import { cleanText, foldKey } from './vietnamese-text.js';

/** A name cell taken apart. */
export interface NameText {
  /** The name with notes and surrounding punctuation removed (cleanText applied); '' when nothing is left. */
  text: string;
  /** Notes found in the cell, as written. */
  notes: string[];
  /** True when the cell held a placeholder meaning "no name" (Không rõ, Chưa đặt tên, x, ?). */
  placeholder: boolean;
}

const BRACKETED_RE = /[([{（［]([^()[\]{}（）［］]*)[)\]}）］]/g;
const UNCLOSED_RE = /[([{（［]([^()[\]{}（）［］]*)$/;
/** " - note", ", note", "; note", ": note" at the end of the cell. */
const TRAILING_TAIL_RE = /(?:\s[-–—]+\s*|\s*[,;:]\s*)([^,;:]+)$/;
/** Folded openings of the notes clerks append to a name (died, moved, temporarily absent, struck off…). */
const NOTE_WORDS_RE =
  /^(?:da |chet|mat\b|tu tran|qua doi|chuyen|tam vang|tam tru|cat\b|xoa|khai tu|hy sinh|liet si|di |nhap\b|tach\b|ghi chu|gc\b|nam sinh|sinh nam|ns\b|con cua|con ong|con ba|vo cua|chong cua)/;
const LEADING_JUNK_RE = /^[^\p{L}\p{N}]+/u;
const TRAILING_JUNK_RE = /[^\p{L}\p{N}]+$/u;
const SPACE_RUN_RE = / {2,}/g;
const PLACEHOLDER_RE =
  /^(?:khong ro|chua ro|khong co|chua co|chua co ten|chua dat ten|khong ten|vo danh|k r|n a|x+|null|none)$/;
const NON_LETTER_RUN_RE = /[^a-z ]+/g;
/** Longer than any placeholder: skip the fold for real names (this runs on every record). */
const PLACEHOLDER_MAX_LENGTH = 16;

/**
 * Takes notes and stray punctuation out of a name cell.
 *
 * @example
 * splitNameText('"NGUYỄN VĂN A (đã chết)".');
 * // { text: 'NGUYỄN VĂN A', notes: ['đã chết'], placeholder: false }
 */
export function splitNameText(raw: string): NameText {
  let text = cleanText(raw);
  const notes: string[] = [];
  text = text.replace(BRACKETED_RE, (_all, note: string) => {
    pushNote(notes, note);
    return ' ';
  });
  text = text.replace(UNCLOSED_RE, (_all, note: string) => {
    pushNote(notes, note);
    return ' ';
  });
  const tail = TRAILING_TAIL_RE.exec(text);
  if (tail !== null && NOTE_WORDS_RE.test(foldKey(tail[1]))) {
    pushNote(notes, tail[1]);
    text = text.slice(0, tail.index);
  }
  text = text.replace(LEADING_JUNK_RE, '').replace(TRAILING_JUNK_RE, '').replace(SPACE_RUN_RE, ' ');
  const placeholder =
    text !== '' &&
    text.length <= PLACEHOLDER_MAX_LENGTH &&
    PLACEHOLDER_RE.test(foldKey(text).replace(NON_LETTER_RUN_RE, ' ').trim());
  return { text: placeholder ? '' : text, notes, placeholder };
}

function pushNote(notes: string[], note: string): void {
  const trimmed = note.trim();
  if (trimmed !== '') notes.push(trimmed);
}
