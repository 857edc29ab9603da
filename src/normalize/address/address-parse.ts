/**
 * Free-text address → segments, read part by part between commas. New addresses are mostly old parts in a
 * new combination ("Bản Na Ngam" + "X. Thanh Xương" + "H. Điện Biên" + "T. Điện Biên"), so each part is
 * tokenized and segmented once per index, not once per address. The result is the same as segmenting the
 * whole text: a comma-like break always starts a segment, and nothing else crosses it (see `partSegments`).
 */
import { memoize } from '../memoize.js';
import { segmentAddress, type AddressSegment } from './address-segments.js';
import { cleanAddressText, tokenizeCleaned, type AddressToken } from './address-tokens.js';

/** The comma-like ('hard') punctuation of the tokenizer. */
const HARD_RUN_RE = /[,;:()[\]\n|+]+/;
/** A part whose first piece is a full stop: in the whole text, that stop marks the word before the comma. */
const LEADING_STOP_RE = /^[^\p{L}\p{M}0-9'’\-–—/\\.]*\./u;
/** Stands for the tokens of later parts: a unit word at the end of a part still has a name after it. */
const MORE: AddressToken = { raw: '', key: '\u0000', tone: '\u0000', dot: false, brk: 'hard' };

interface Part {
  tokens: AddressToken[];
  /** Segments when the part ends the text, and when more tokens follow; computed when first asked. */
  last?: AddressSegment[];
  more?: AddressSegment[];
}

/**
 * @example
 * const parse = addressParser(index.known);
 * parse('Tổ 5, P.Him Lam, TP.ĐBP').map((s) => s.key); // ['5', 'himlam', 'dienbienphu']
 */
export function addressParser(known: (key: string) => boolean, limit = 50_000): (text: string) => AddressSegment[] {
  const parts = memoize((key: string): Part => ({ tokens: tokenizeCleaned(key.slice(1), key[0] === 'h' ? 'hard' : null) }), limit);
  const partSegments = (part: Part, more: boolean): AddressSegment[] => {
    if (!more) return (part.last ??= segmentAddress(part.tokens, known));
    // MORE becomes a segment of its own (its break is hard, its key names nothing): drop it.
    return (part.more ??= segmentAddress([...part.tokens, MORE], known).slice(0, -1));
  };
  return (text) => {
    const cleaned = cleanAddressText(text);
    const pieces = cleaned.split(HARD_RUN_RE);
    if (pieces.length === 1) return partSegments(parts(`-${cleaned}`), false);
    if (pieces.some((p, i) => i > 0 && LEADING_STOP_RE.test(p))) return segmentAddress(tokenizeCleaned(cleaned, null), known);
    const read = pieces.map((p, i) => parts(`${i === 0 ? '-' : 'h'}${p}`));
    let lastWithTokens = -1;
    for (let i = read.length - 1; i >= 0 && lastWithTokens < 0; i--) if (read[i].tokens.length > 0) lastWithTokens = i;
    const out: AddressSegment[] = [];
    for (let i = 0; i <= lastWithTokens; i++) if (read[i].tokens.length > 0) out.push(...partSegments(read[i], i < lastWithTokens));
    return out;
  };
}
