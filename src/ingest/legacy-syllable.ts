/**
 * Is a word a well-formed Vietnamese syllable? Used as the judge when several decodings of the same bytes
 * compete: the right decoding turns words into syllables ("NguyÔn" → "Nguyễn"), the wrong ones into junk
 * ("Nguyờịn"). Structural check only (onset + vowel group + coda, one tone, tone/coda agreement), so
 * ethnic-minority names written in Vietnamese spelling (Páo, Pánh, Giàng, Thào) pass too.
 */

// Tone marks are removed before the structural test; the vowel marks (circumflex, breve, horn) stay.
const TONE_MARKS = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);
const ACUTE = 0x301;
const DOT_BELOW = 0x323;

const ONSETS = 'ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]';
/** Vowel groups that may be followed by a final consonant (longest first inside the alternation). */
const CLOSABLE = 'uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|uơ|ua|a|ă|â|e|ê|i|o|ô|ơ|u|ư';
/** Vowel groups that end the syllable: glide endings, the ia/ua/ưa diphthongs, and a lone y ("ynh" is not Vietnamese). */
const OPEN_ONLY =
  'iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ưa|ua|y';
const SYLLABLE = new RegExp(`^(?:${ONSETS})?(?:(?:${CLOSABLE})(ch|nh|ng|[cmnpt])?|(?:${OPEN_ONLY}))$`);

/**
 * True when `word` (Unicode, any case, any normalization) is one Vietnamese syllable.
 * @example isVietnameseSyllable('Nguyễn') // true
 * @example isVietnameseSyllable('Nguyờịn') // false
 */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.normalize('NFD');
  let base = '';
  let tone = 0;
  for (let i = 0; i < nfd.length; i++) {
    const c = nfd.charCodeAt(i);
    if (TONE_MARKS.has(c)) {
      if (tone !== 0) return false; // two tones on one syllable
      tone = c;
    } else {
      base += nfd[i];
    }
  }
  const m = SYLLABLE.exec(base.normalize('NFC').toLowerCase());
  if (m === null) return false;
  // A syllable closed by a stop (c, ch, p, t) only takes the sắc or nặng tone.
  const coda = m[1];
  if (coda === 'c' || coda === 'ch' || coda === 'p' || coda === 't') return tone === ACUTE || tone === DOT_BELOW;
  return true;
}
