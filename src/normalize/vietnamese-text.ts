/**
 * Text primitives every normalizer builds on: cleaning, comparison keys and proper case.
 * Pure; they run on every field of every record and on every candidate's name and address when matching,
 * so cleanText, foldKey and toneKey have a one-pass fast path for the usual text (precomposed Latin and
 * Vietnamese letters, ASCII spaces) and keep the regex/normalize chain as the slow path for the rest.
 */
import { Buffer } from 'node:buffer';
import { placeTone } from './syllable-structure.js';

export { isVietnameseSyllable } from './syllable-structure.js';

/**
 * Characters that carry no text: soft hyphen (also TCVN3's ư once its font is lost — converted earlier,
 * so any left is junk), zero-width space/joiners, word joiner, BOM, Mongolian vowel separator,
 * combining grapheme joiner, and C0/C1 controls that are not whitespace.
 */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E\u034F\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
/** JS \s covers tab, newline, NBSP, U+2000–200A, U+202F, U+3000…; U+0085 (NEL) is a line break too. */
const SPACE_RUN_RE = /[\s\u0085]+/g;
const COMBINING_MARK_RE = /\p{M}/gu;
/** đ and what it gets typed or decoded as: Icelandic eth (Ð/ð) and African D (Ɖ/ɖ). */
const D_LIKE_RE = /[đðɖ]/g;
const LETTER_RUN_RE = /[\p{L}\p{M}]+/gu;

/**
 * Unicode NFC, invisible junk removed, every whitespace run (NBSP, tabs, newlines) made one space, trimmed.
 *
 * @example
 * cleanText('  Nguye\u0302\u0303n\u00A0Va\u0306n\tA\u200B '); // 'Nguyễn Văn A'
 */
export function cleanText(raw: string): string {
  return cleanTextFast(raw) ?? cleanTextSlow(raw);
}

/**
 * Accent-free comparison key: lower case, every diacritic removed, đ (and its look-alikes) → d.
 * Use it to block or compare when one source may have been typed without diacritics.
 *
 * @example
 * foldKey('NGUYỄN  Đức'); // 'nguyen duc'
 * foldKey('Ðỗ'); // 'do' (U+00D0 from a legacy font)
 */
export function foldKey(text: string): string {
  return foldKeyFast(text) ?? foldKeySlow(text);
}

/**
 * Lower-case NFC key in which the old and new tone-mark placements agree (tone on the main vowel:
 * hòa/hoà → hoà, thủy/thuỷ → thuỷ, khỏe/khoẻ → khoẻ, qúy/quý → quý). Every other diacritic is kept,
 * so "Nguyen" and "Nguyễn" stay different.
 *
 * @example
 * toneKey('Lê Thị Thủy Hòa') === toneKey('LÊ THỊ THUỶ HOÀ'); // true
 */
export function toneKey(text: string): string {
  const lower = cleanText(text).toLowerCase();
  return placeToneFast(lower) ?? placeToneSlow(lower);
}

/**
 * Proper case per syllable: the first letter of every run of letters upper case, the rest lower, so
 * parts after a hyphen or apostrophe are capitalised too (H'Mông, Niê-Kđăm). Spelling and tone
 * placement are left exactly as written.
 *
 * @example
 * properCase('NGUYỄN VĂN a'); // 'Nguyễn Văn A'
 * properCase("h'mông"); // "H'Mông"
 */
export function properCase(text: string): string {
  return text.normalize('NFC').replace(LETTER_RUN_RE, capitalizeRun);
}

function capitalizeRun(run: string): string {
  // The first code point may be astral in theory; Vietnamese letters are all in the BMP.
  return run.charAt(0).toUpperCase() + run.slice(1).toLowerCase();
}

// ── Slow paths: the definitions. The fast paths below must agree with them on every input. ──

function cleanTextSlow(raw: string): string {
  return raw.replace(INVISIBLE_RE, '').normalize('NFC').replace(SPACE_RUN_RE, ' ').trim();
}

function foldKeySlow(text: string): string {
  return cleanTextSlow(text).toLowerCase().normalize('NFD').replace(COMBINING_MARK_RE, '').replace(D_LIKE_RE, 'd');
}

function placeToneSlow(lower: string): string {
  return lower.replace(LETTER_RUN_RE, (run) => placeTone(run));
}

/**
 * The slow paths, exported only as the reference for the tests (fast and slow must agree on every input)
 * and for scripts/bench-fold.ts. Not for use in code: cleanText, foldKey and toneKey give the same answers faster.
 */
export const SLOW_PATHS = {
  cleanText: cleanTextSlow,
  foldKey: foldKeySlow,
  toneKey: (text: string): string => placeToneSlow(cleanTextSlow(text).toLowerCase()),
};

// ── Fast paths ──
// For text made only of the characters classified below, every step of the slow path works one character
// at a time: invisible characters are dropped, NFC leaves these characters alone (they are precomposed,
// not marks, and no Latin letter composes with the one before it), whitespace runs become one space, and
// lower-casing, NFD and mark removal of a Latin letter do not depend on its neighbours. So a per-character
// table computed from the slow path itself gives the same answer in one pass. Any other character (a
// combining mark, another script, a rare space) sends the whole string down the slow path.

/** Not in the table: the string takes the slow path. */
const OTHER = 0;
/** Kept as it is by cleanText: precomposed, NFC-stable, not a mark, not a letter (digits, punctuation). */
const KEEP = 1;
/** Like KEEP, and a letter (\p{L}): part of the runs toneKey places tones in. */
const LETTER = 2;
/** Whitespace: a run of it becomes one space. */
const SPACE = 3;
/** Invisible: removed before anything else, so it neither splits a word nor ends a space run. */
const DROP = 4;

/**
 * Blocks the fast paths know: Basic Latin to Latin Extended-B (Vietnamese letters, Ð/ð/Ɖ/ɖ, NBSP, soft
 * hyphen, C0/C1 controls), Latin Extended Additional (ạ…ỹ), General Punctuation (dashes, quotes,
 * zero-width and narrow spaces), the ideographic space and the BOM. None of their characters composes
 * with the one before it, as Hangul jamo and Indic vowel signs do; characters elsewhere stay OTHER.
 */
const FAST_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f], [0x1e00, 0x1eff], [0x2000, 0x206f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
/** Longest string the fast paths take (the fold buffer's size); longer ones take the slow path. */
const FAST_MAX_LENGTH = 1024;

/** Kind of every BMP code unit (OTHER, KEEP, LETTER, SPACE, DROP). */
const CHAR_KIND = new Uint8Array(0x10000);
/**
 * foldKey of each KEEP or LETTER character when it is one Latin-1 character, else 0. Latin-1 only, so a
 * key is built as bytes and read out as one string (far cheaper than String.fromCharCode of many codes).
 */
const FOLDED = new Uint8Array(0x10000);
const foldBuffer = Buffer.alloc(FAST_MAX_LENGTH);

buildCharTables();

/** Classifies each character of FAST_BLOCKS by what the slow path does with it. */
function buildCharTables(): void {
  const invisible = new RegExp(INVISIBLE_RE.source);
  const space = new RegExp(SPACE_RUN_RE.source);
  const mark = new RegExp(COMBINING_MARK_RE.source, 'u');
  const letter = /\p{L}/u;
  for (const [from, to] of FAST_BLOCKS) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (invisible.test(ch)) {
        if (cleanTextSlow(`a${ch}b`) === 'ab') CHAR_KIND[c] = DROP;
      } else if (space.test(ch)) {
        if (cleanTextSlow(`a${ch}b`) === 'a b') CHAR_KIND[c] = SPACE;
      } else if (!mark.test(ch) && cleanTextSlow(ch) === ch) {
        CHAR_KIND[c] = letter.test(ch) ? LETTER : KEEP;
        const folded = foldKeySlow(ch);
        if (folded.length === 1 && folded.charCodeAt(0) <= 0xff) FOLDED[c] = folded.charCodeAt(0);
      }
    }
  }
}

/** cleanText without regexes or normalize, returning the input itself when it is clean already; null: take the slow path. */
function cleanTextFast(raw: string): string | null {
  const length = raw.length;
  if (length > FAST_MAX_LENGTH) return null;
  return isCleanAlready(raw) ? raw : cleanTextRebuilt(raw);
}

/** Kept characters with one plain space between words, none at the ends: what most fields are. */
function isCleanAlready(raw: string): boolean {
  let spaceBefore = true; // so that a leading space is not clean
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20) {
      if (spaceBefore) return false;
      spaceBefore = true;
    } else if (isKept(CHAR_KIND[c])) {
      spaceBefore = false;
    } else {
      return false;
    }
  }
  return !spaceBefore || raw.length === 0;
}

/** cleanText of text that is not clean already, built from its kept runs; null: take the slow path. */
function cleanTextRebuilt(raw: string): string | null {
  const length = raw.length;
  let out = '';
  let runStart = -1; // start of the kept run being read, -1 between runs
  let spaceBefore = false; // whitespace since the last kept character
  for (let i = 0; i < length; i++) {
    const c = raw.charCodeAt(i);
    const kind = CHAR_KIND[c];
    if (isKept(kind)) {
      if (runStart < 0) {
        if (spaceBefore && out !== '') out += ' ';
        spaceBefore = false;
        runStart = i;
      }
    } else if (kind === SPACE || kind === DROP) {
      if (runStart >= 0) {
        out += raw.slice(runStart, i);
        runStart = -1;
      }
      if (kind === SPACE) spaceBefore = true;
    } else {
      return null;
    }
  }
  return runStart >= 0 ? out + raw.slice(runStart) : out;
}

function isKept(kind: number): boolean {
  return kind === KEEP || kind === LETTER;
}

/** foldKey in one pass over the table; null: take the slow path. */
function foldKeyFast(text: string): string | null {
  const length = text.length;
  if (length > FAST_MAX_LENGTH) return null;
  const buffer = foldBuffer;
  let n = 0;
  let changed = false;
  let spaceBefore = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const kind = CHAR_KIND[c];
    if (isKept(kind)) {
      const folded = FOLDED[c];
      if (folded === 0) return null;
      if (spaceBefore) {
        if (n > 0) buffer[n++] = 0x20;
        spaceBefore = false;
      }
      buffer[n++] = folded;
      if (folded !== c) changed = true;
    } else if (kind === SPACE) {
      // Anything but one plain space after a kept character changes the text.
      if (c !== 0x20 || spaceBefore || n === 0) changed = true;
      spaceBefore = true;
    } else if (kind === DROP) {
      changed = true;
    } else {
      return null;
    }
  }
  if (spaceBefore) changed = true;
  if (!changed) return text;
  return buffer.toString('latin1', 0, n);
}

/** toneKey's tone placement over lower-case clean text, one letter run at a time; null: take the slow path. */
function placeToneFast(lower: string): string | null {
  const length = lower.length;
  let out = '';
  let copied = 0; // lower[0, copied) is in out already
  let runStart = -1;
  for (let i = 0; i <= length; i++) {
    const kind = i < length ? CHAR_KIND[lower.charCodeAt(i)] : SPACE;
    if (kind === LETTER) {
      if (runStart < 0) runStart = i;
      continue;
    }
    // Clean lower-case text holds only letters, other kept characters and plain spaces.
    if (kind !== KEEP && kind !== SPACE) return null;
    if (runStart >= 0) {
      const run = lower.slice(runStart, i);
      const placed = placeTone(run);
      if (placed !== run) {
        out += lower.slice(copied, runStart) + placed;
        copied = i;
      }
      runStart = -1;
    }
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}
