import { memoize } from './memoize.js';

/**
 * The structure of a Vietnamese syllable: onset consonant, vowel nucleus (with its glides), coda, tone.
 * Used to place tone marks canonically (toneKey) and to tell real syllables from OCR or encoding junk
 * (isVietnameseSyllable). Everything here works on lower-case NFC text.
 */

/** Combining tone marks after NFD: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARK_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const HAS_NON_ASCII_RE = /[^\x00-\x7f]/;
const VOWEL_CLASS = 'aăâeêioôơuưy';
/** Leading consonants, vowel run, trailing consonants. */
const SHAPE_RE = new RegExp(`^([^${VOWEL_CLASS}]*)([${VOWEL_CLASS}]+)([^${VOWEL_CLASS}]*)$`);
const MARKED_VOWEL_RE = /[ăâêôơư]/g;

const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';

/** A syllable without its tone mark, and the tone (a combining mark, '' for thanh ngang). */
export interface ToneSplit {
  base: string;
  tone: string;
  /** How many tone marks the word carried: more than one means it is not a syllable. */
  toneCount: number;
}

/**
 * Separates the tone mark from a lower-case word.
 *
 * @example
 * splitTone('thuỷ'); // { base: 'thuy', tone: '\u0309', toneCount: 1 }
 */
export function splitTone(word: string): ToneSplit {
  if (!HAS_NON_ASCII_RE.test(word)) return { base: word, tone: '', toneCount: 0 };
  const nfd = word.normalize('NFD');
  const marks = nfd.match(TONE_MARK_RE);
  if (marks === null) return { base: word.normalize('NFC'), tone: '', toneCount: 0 };
  return { base: nfd.replace(TONE_MARK_RE, '').normalize('NFC'), tone: marks[0], toneCount: marks.length };
}

/** A toneless syllable cut into onset, vowel cluster and coda ("gi" and "qu" count as onsets). */
export interface SyllableShape {
  onset: string;
  vowels: string;
  coda: string;
}

/**
 * Cuts a toneless lower-case word into onset / vowels / coda, or null when it has no single vowel run.
 *
 * @example
 * shapeOf('quyên'); // { onset: 'qu', vowels: 'yê', coda: 'n' }
 * shapeOf('giêng'); // { onset: 'gi', vowels: 'ê', coda: 'ng' }
 */
export function shapeOf(base: string): SyllableShape | null {
  const m = SHAPE_RE.exec(base);
  if (m === null) return null;
  let onset = m[1];
  let vowels = m[2];
  // In "qu" the u is part of the onset; in "gia", "giữ", "giếng" the i is (but "gìn" has the vowel i).
  if (onset === 'q' && vowels.length > 1 && vowels[0] === 'u') {
    onset = 'qu';
    vowels = vowels.slice(1);
  } else if (onset === 'g' && vowels.length > 1 && vowels[0] === 'i') {
    onset = 'gi';
    vowels = vowels.slice(1);
  }
  return { onset, vowels, coda: m[3] };
}

/**
 * Index in `vowels` that carries the tone mark, following the "new" (phonological) rule:
 * a vowel with a hat/horn/breve wins (the last one: ươ → ơ); a closed syllable puts it on the last vowel;
 * open oa/oe/uy put it on the second (hoà, khoẻ, thuỷ); other open pairs on the first; triples on the middle.
 */
export function toneIndex(vowels: string, hasCoda: boolean): number {
  let marked = -1;
  MARKED_VOWEL_RE.lastIndex = 0;
  for (let m = MARKED_VOWEL_RE.exec(vowels); m !== null; m = MARKED_VOWEL_RE.exec(vowels)) marked = m.index;
  if (marked >= 0) return marked;
  if (vowels.length === 1) return 0;
  if (hasCoda) return vowels.length - 1;
  if (vowels.length >= 3) return 1;
  return vowels === 'oa' || vowels === 'oe' || vowels === 'uy' ? 1 : 0;
}

/**
 * Rewrites one lower-case word with its tone mark in the canonical place; words that are not one
 * vowel run, or carry several tone marks, come back unchanged (NFC).
 *
 * @example
 * placeTone('hòa'); // 'hoà'
 * placeTone('qúy'); // 'quý'
 */
// Syllables repeat across names (Văn, Thị, Lò, Quàng…): place each one's tone once.
export const placeTone: (word: string) => string = memoize(computePlaceTone, 50_000);

function computePlaceTone(word: string): string {
  const { base, tone, toneCount } = splitTone(word);
  if (toneCount !== 1) return toneCount === 0 ? base : word.normalize('NFC');
  const shape = shapeOf(base);
  if (shape === null) return word.normalize('NFC');
  const at = shape.onset.length + toneIndex(shape.vowels, shape.coda !== '') + 1;
  return (base.slice(0, at) + tone + base.slice(at)).normalize('NFC');
}

const ONSETS = new Set([
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  // p alone occurs in loanwords and in minority names (Páo, Pánh).
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);

const CODAS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
/** Stop codas only take sắc or nặng. */
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);

/** Vowel clusters that end an open syllable (no coda). */
const OPEN_NUCLEI = new Set([
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uê', 'ui', 'uơ', 'uy', 'ưa', 'ưi', 'ưu',
  'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu',
]);

/** Vowel clusters that take a consonant coda. */
const CLOSED_NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'iê', 'yê', 'uô', 'ươ', 'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uy', 'uyê',
]);

const NFC_LOWER_LETTERS_RE = /^[\p{L}]+$/u;

/**
 * Whether a word is a possible Vietnamese syllable: known onset, vowel nucleus and coda, at most one
 * tone, and only sắc/nặng on a stop coda. Case-insensitive. Ethnic-minority names written with
 * Vietnamese letters (Páo, Lử, Dính, Mỷ) pass; encoding junk (NguyÔn, Nguyeãn) and OCR noise do not.
 *
 * @example
 * isVietnameseSyllable('Nguyễn'); // true
 * isVietnameseSyllable('Nguyeãn'); // false
 */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.normalize('NFC').toLowerCase();
  const { base, tone, toneCount } = splitTone(lower);
  if (toneCount > 1 || !NFC_LOWER_LETTERS_RE.test(base)) return false;
  const shape = shapeOf(base);
  if (shape === null) return false;
  const { onset, vowels, coda } = shape;
  if (!ONSETS.has(onset) || !CODAS.has(coda)) return false;
  if (coda === '' ? !OPEN_NUCLEI.has(vowels) : !CLOSED_NUCLEI.has(vowels)) return false;
  // ch/nh follow only front or open vowels: sách, bệnh, kính, huỳnh, hoạch (not *ôch, *unh).
  if ((coda === 'ch' || coda === 'nh') && !'aêiy'.includes(vowels[vowels.length - 1])) return false;
  return !STOP_CODAS.has(coda) || tone === ACUTE || tone === DOT_BELOW;
}
