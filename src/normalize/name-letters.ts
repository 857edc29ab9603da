/**
 * Which characters may appear in a person's name: the Vietnamese alphabet (with f, j, w, z for
 * minority and foreign names), the đ look-alikes legacy fonts produce, spaces, hyphens and apostrophes.
 * Anything else (digits, ?, /, Cyrillic homoglyphs, ö or ç left over from a legacy encoding) is junk.
 */

const BASE_VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Every lower-case Vietnamese vowel with every tone, built once at module load. */
const TONED_VOWELS = [...BASE_VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).join('');
const LOWER_LETTERS = `a-zđðɖ${TONED_VOWELS}`;
const UPPER_LETTERS = `A-ZĐÐƉ${TONED_VOWELS.toUpperCase()}`;

/** A character that is neither a name letter, a digit, a space, a hyphen nor an apostrophe. */
export const NAME_JUNK_CHAR_RE = new RegExp(`[^${LOWER_LETTERS}${UPPER_LETTERS}0-9 \\-‐‑'’ʼ‘]`, 'u');
/** Hyphens and apostrophes that join the parts of one syllable group (H'Mông, Niê-Kđăm). */
export const NAME_JOINER_RE = /[-‐‑'’ʼ‘]/;
/** A hyphen or apostrophe that does not join two letters ("Nguyễn Văn A - Trần B", "Lò ' Văn"). */
export const NAME_LOOSE_JOINER_RE = /(?:^|[^\p{L}\p{M}])[-‐‑'’ʼ‘]|[-‐‑'’ʼ‘](?:$|[^\p{L}])/u;
export const NAME_DIGIT_RE = /\p{N}/u;
/** A name with at least one letter carrying a Vietnamese diacritic (or đ). */
export const NAME_HAS_DIACRITIC_RE = /[^\x00-\x7f]/;
