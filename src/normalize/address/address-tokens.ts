/**
 * Splits an address as a clerk wrote it into word tokens with comparison keys and the punctuation around them.
 * Tolerant of TCVN3 residue (font lost, cp1252 view) without depending on ingest: those characters are folded
 * to their plain letters here, which is all the matcher needs.
 */
import { cleanText, foldKey, toneKey } from '../vietnamese-text.js';
import { memoize } from '../memoize.js';
import { NAME_ALIASES } from './address-markers.js';
import { TCVN3_FOLD, TCVN3_HINTS } from './tcvn3-fold.js';

export interface AddressToken {
  /** As written (NFC), for the hamlet field and messages. */
  raw: string;
  /** Folded, apostrophes removed, numbers without leading zeros: 'P.01' → 'p', '1'. */
  key: string;
  /** Lower-case with canonical tone placement, to tell "phường" from "Phương". */
  tone: string;
  /** A full stop follows ("P.", "TP."): the token is an abbreviation. */
  dot: boolean;
  /** Punctuation before the token: comma/semicolon/bracket ('hard'), dash or slash ('soft'). */
  brk: 'hard' | 'soft' | null;
}

const TCVN3_CHARS_RE = new RegExp(`[${[...TCVN3_FOLD.keys()].join('')}]`, 'g');
// TCVN3's ư is a soft hyphen: inside a word ("N\u00ADa") it is a letter, not a hyphenation point.
const TCVN3_HINT_RE = new RegExp(`[${TCVN3_HINTS}]|\\p{L}\u00AD\\p{L}`, 'u');
const PIECE_RE = /([\p{L}\p{M}0-9'’]+)|([,;:()[\]\n|+]+)|(\s*[-–—/\\]+\s*)|(\.)/gu;
const LETTER_THEN_DIGIT_RE = /^(\p{L}+)(\d+[a-z]?)$/iu;

/**
 * @example
 * tokenizeAddress('TP.ĐBP').map((t) => t.key); // ['tp', 'dien', 'bien', 'phu']
 * tokenizeAddress('P.01, Q.3').map((t) => t.key); // ['p', '1', 'q', '3']
 */
export function tokenizeAddress(text: string): AddressToken[] {
  return tokenizeCleaned(cleanAddressText(text), null);
}

/**
 * The text as the tokenizer reads it: TCVN3 residue folded (decided on the whole text), cleaned.
 *
 * @example
 * cleanAddressText('X· Thanh X\u00AD\u00ACng'); // 'Xa Thanh Xuong'
 */
export function cleanAddressText(text: string): string {
  if (alreadyClean(text)) return text;
  return cleanText(TCVN3_HINT_RE.test(text) ? text.replace(TCVN3_CHARS_RE, (ch) => TCVN3_FOLD.get(ch) ?? ch) : text);
}

/**
 * Whether cleaning would change nothing, decided in one pass over the text (most addresses): printable ASCII,
 * Latin-1 and Latin Extended letters and Vietnamese precomposed letters only (all stable under NFC: no
 * combining mark, no singleton), single spaces inside, none at the ends, and no Latin-1 character that is
 * TCVN3 residue. Anything else takes the full path.
 */
function alreadyClean(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return n === 0;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c > 32 && c < 127) continue;
    if (c >= 0xa1 && c <= 0xff) {
      if (c === 0xad || TCVN3_HINT_CODES[c - 0xa0] === 1) return false;
      continue;
    }
    if ((c >= 0x100 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) continue;
    return false;
  }
  return true;
}

/** TCVN3_HINTS as a table over U+00A0–U+00FF; a hint outside that block (a regenerated table) marks all of it. */
const TCVN3_HINT_CODES = new Uint8Array(96);
for (const ch of TCVN3_HINTS) {
  const at = ch.charCodeAt(0) - 0xa0;
  if (at >= 0 && at < 96) TCVN3_HINT_CODES[at] = 1;
  else TCVN3_HINT_CODES.fill(1);
}

/**
 * Tokens of a text already passed through cleanAddressText; `opening` is the break before its first token
 * (a part cut after a comma opens with 'hard').
 */
export function tokenizeCleaned(cleaned: string, opening: AddressToken['brk']): AddressToken[] {
  // Every new address part comes through here: scan by character class (a table lookup per character) and
  // keep the regex for text with characters the table does not cover (astral code points).
  const tokens: AddressToken[] = [];
  let brk: AddressToken['brk'] = opening;
  const n = cleaned.length;
  for (let i = 0; i < n; ) {
    const kind = CHAR_KIND[cleaned.charCodeAt(i)];
    if (kind === WORD) {
      let end = i + 1;
      while (end < n && CHAR_KIND[cleaned.charCodeAt(end)] === WORD) end++;
      brk = pushWord(tokens, cleaned.slice(i, end), brk);
      i = end;
      continue;
    }
    if (kind === HARD) brk = 'hard';
    else if (kind === SOFT) brk = brk ?? 'soft';
    else if (kind === STOP) {
      if (tokens.length > 0) tokens[tokens.length - 1].dot = true;
    } else if (kind === UNKNOWN) return tokenizeByRegex(cleaned, opening);
    i++;
  }
  return tokens;
}

/** The tokens of one word (its parts and aliases) after break `brk`; the break left for the next word. */
function pushWord(tokens: AddressToken[], word: string, brk: AddressToken['brk']): AddressToken['brk'] {
  for (const part of wordParts(word)) {
    if (part.key === '') {
      // A word with no letters left (a lone apostrophe) still uses up the break before it.
    } else if (part.alias) {
      part.alias.forEach((k, i) => tokens.push({ raw: i === 0 ? part.raw : '', key: k, tone: k, dot: false, brk: i === 0 ? brk : null }));
    } else tokens.push({ raw: part.raw, key: part.key, tone: part.tone, dot: false, brk });
    brk = null;
  }
  return brk;
}

/** The same tokens by PIECE_RE, for any text: the scan's fallback, and its reference in the tests. */
export function tokenizeByRegex(cleaned: string, opening: AddressToken['brk']): AddressToken[] {
  const tokens: AddressToken[] = [];
  let brk: AddressToken['brk'] = opening;
  PIECE_RE.lastIndex = 0;
  for (let m = PIECE_RE.exec(cleaned); m !== null; m = PIECE_RE.exec(cleaned)) {
    if (m[2] !== undefined) brk = 'hard';
    else if (m[3] !== undefined) brk = brk ?? 'soft';
    else if (m[4] !== undefined) {
      if (tokens.length > 0) tokens[tokens.length - 1].dot = true;
    } else brk = pushWord(tokens, m[1], brk);
  }
  return tokens;
}

/**
 * PIECE_RE's classes per UTF-16 unit, taken from the regex's own classes so the scan cannot disagree with it:
 * word characters, comma-like, dash-like (the spaces around a dash only matter as spaces, which are skipped),
 * full stop, other (skipped). Vietnamese text lives below U+3000; anything from there up (surrogates of
 * astral letters too) is UNKNOWN and sends the text to the regex.
 */
const OTHER = 0;
const WORD = 1;
const HARD = 2;
const SOFT = 3;
const STOP = 4;
const UNKNOWN = 5;
const CHAR_KIND = new Uint8Array(0x10000).fill(UNKNOWN);
{
  const word = /^[\p{L}\p{M}0-9'’]$/u;
  const hard = /^[,;:()[\]\n|+]$/;
  const soft = /^[-–—/\\]$/;
  for (let c = 0; c < 0x3000; c++) {
    const ch = String.fromCharCode(c);
    if (word.test(ch)) CHAR_KIND[c] = WORD;
    else if (hard.test(ch)) CHAR_KIND[c] = HARD;
    else if (soft.test(ch)) CHAR_KIND[c] = SOFT;
    else CHAR_KIND[c] = ch === '.' ? STOP : OTHER;
  }
}

interface WordPart {
  raw: string;
  key: string;
  tone: string;
  alias: string[] | undefined;
}

/**
 * The parts of one word as written ("P01" is 'p' and '1') with their keys. Words repeat across addresses
 * ("xã", "Điện", "Biên"): each spelling is folded once per run, not once per address.
 */
const wordParts = memoize((word: string): WordPart[] => {
  const w = word.replace(/['’]/g, "'");
  const split = LETTER_THEN_DIGIT_RE.exec(w);
  return (split ? [split[1], split[2]] : [w]).map((raw) => {
    let key = foldKey(raw).replace(/'/g, '');
    if (/^\d+[a-z]?$/.test(key)) key = key.replace(/^0+(?=\d)/, '');
    return { raw, key, tone: key === '' ? '' : toneKey(raw), alias: NAME_ALIASES.get(key) };
  });
}, 50_000);

/** Compact key of a unit name as the gazetteer writes it: "Mỹ Đình 01" → 'mydinh1', "K' Dang" → 'kdang'. */
export function unitKey(name: string): string {
  return foldKey(name)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (/^\d+[a-z]?$/.test(w) ? w.replace(/^0+(?=\d)/, '') : w))
    .join('');
}

/** Compact tone key of a unit name, comparable with a segment's `tone`: "Thanh Hóa" and "Thanh Hoá" agree. */
export function unitTone(name: string): string {
  return toneKey(name)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => (/^\d+[a-z]?$/.test(w) ? w.replace(/^0+(?=\d)/, '') : w))
    .join('');
}
