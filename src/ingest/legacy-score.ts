/**
 * Evidence for each way of reading a text: split it into words, decode every word that has a non-ASCII
 * character under each candidate, and count how many come out as Vietnamese syllables. Plain ASCII words
 * read the same under every candidate, so they carry no evidence and are skipped.
 */
import { cp1252ViewToCp1258, tcvn3ToUnicode, vniToUnicode } from './legacy-convert.js';
import { isVietnameseSyllable } from './legacy-syllable.js';

/** Summed evidence; a higher score means more words read as Vietnamese under that candidate. */
export interface LegacyScores {
  /** The text as it is (real Unicode). */
  unicode: number;
  tcvn3: number;
  vni: number;
  /** The cp1252 view re-read as Windows-1258 (only meaningful for text decoded from single bytes). */
  cp1258: number;
  /** Words holding letters that only Unicode has (ư, ễ, đ…): a legacy font could not have produced them. */
  unicodeOnlyWords: number;
}

type WordScore = readonly [unicode: number, tcvn3: number, vni: number, cp1258: number, unicodeOnly: number];

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const wideWordChar = new Map<number, boolean>();

/** Word characters: ASCII letters, the whole Latin-1 upper half except NBSP (TCVN3 letters include ¸ µ ¨ × ÷ and
 *  the soft hyphen ư), and any other letter or combining mark. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c <= 0xff) return c > 0xa0;
  let known = wideWordChar.get(c);
  if (known === undefined) {
    known = LETTER_OR_MARK.test(String.fromCharCode(c));
    wideWordChar.set(c, known);
  }
  return known;
}

/** Vietnamese letters outside Latin-1 and cp1252: Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, U+1EA0–U+1EF9, combining tones. */
function isUnicodeOnlyLetter(c: number): boolean {
  return (
    c === 0x102 || c === 0x103 || c === 0x110 || c === 0x111 || c === 0x128 || c === 0x129 ||
    c === 0x168 || c === 0x169 || c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0 ||
    (c >= 0x1ea0 && c <= 0x1ef9) || (c >= 0x300 && c <= 0x323)
  );
}

const MAX_CACHE = 200_000;
const cache = new Map<string, WordScore>();

function scoreWord(word: string): WordScore {
  let hit = cache.get(word);
  if (hit !== undefined) return hit;
  // A lone symbol (½, ©, ×) proves little; a whole word does.
  const w = word.length <= 1 ? 0.25 : 1;
  let unicodeOnly = false;
  for (let i = 0; i < word.length && !unicodeOnly; i++) unicodeOnly = isUnicodeOnlyLetter(word.charCodeAt(i));
  const judge = (s: string): number => (isVietnameseSyllable(s) ? w : -w);
  hit = unicodeOnly
    ? [w, -w, -w, -w, 1]
    : [judge(word), judge(tcvn3ToUnicode(word)), judge(vniToUnicode(word)), judge(cp1252ViewToCp1258(word)), 0];
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, hit);
  return hit;
}

/**
 * Scores every candidate reading of `text` (one pass, word results cached across calls).
 * @example scoreLegacyText('NguyÔn V¨n A') // { unicode: -2, tcvn3: 2, vni: -2, cp1258: -2, unicodeOnlyWords: 0 }
 */
export function scoreLegacyText(text: string): LegacyScores {
  const s: LegacyScores = { unicode: 0, tcvn3: 0, vni: 0, cp1258: 0, unicodeOnlyWords: 0 };
  let start = -1;
  let wide = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isWordChar(c)) {
      if (start < 0) {
        start = i;
        wide = false;
      }
      if (c >= 0x80) wide = true;
    } else if (start >= 0) {
      if (wide) {
        const ws = scoreWord(text.slice(start, i));
        s.unicode += ws[0];
        s.tcvn3 += ws[1];
        s.vni += ws[2];
        s.cp1258 += ws[3];
        s.unicodeOnlyWords += ws[4];
      }
      start = -1;
    }
  }
  return s;
}
