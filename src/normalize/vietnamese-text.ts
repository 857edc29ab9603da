/**
 * Text primitives every normalizer builds on: cleaning, comparison keys and proper case.
 * Pure and table-free; regexes are compiled once here because these run on every field of every record.
 */
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
  return raw.replace(INVISIBLE_RE, '').normalize('NFC').replace(SPACE_RUN_RE, ' ').trim();
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
  return cleanText(text).toLowerCase().normalize('NFD').replace(COMBINING_MARK_RE, '').replace(D_LIKE_RE, 'd');
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
  return cleanText(text).toLowerCase().replace(LETTER_RUN_RE, (run) => placeTone(run));
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
