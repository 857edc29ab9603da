/**
 * Free-text address → segments, read part by part between commas. New addresses are mostly old parts in a
 * new combination ("Bản Na Ngam" + "X. Thanh Xương" + "H. Điện Biên" + "T. Điện Biên"), so each part is
 * tokenized and segmented once per index, not once per address. The result is the same as segmenting the
 * whole text: a comma-like break always starts a segment, and nothing else crosses it (see `partSegments`).
 */
import { segmentAddress, type AddressSegment } from './address-segments.js';
import { cleanAddressText, tokenizeCleaned, type AddressToken } from './address-tokens.js';

/** The comma-like ('hard') punctuation of the tokenizer. */
const HARD_RUN_RE = /[,;:()[\]\n|+]+/;
/** A part whose first piece is a full stop: in the whole text, that stop marks the word before the comma. */
const LEADING_STOP_RE = /^[^\p{L}\p{M}0-9'’\-–—/\\.]*\./u;

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
  // Parts by text, apart for the first part (no break before it) and later ones (a comma-like break before).
  const firstParts = new Map<string, Part>();
  const laterParts = new Map<string, Part>();
  const partOf = (piece: string, first: boolean): Part => {
    const parts = first ? firstParts : laterParts;
    let part = parts.get(piece);
    if (part === undefined) {
      if (parts.size >= limit) parts.clear(); // memory stays flat on a 1M-row night
      parts.set(piece, (part = { tokens: tokenizeCleaned(piece, first ? null : 'hard') }));
    }
    return part;
  };
  // Parts differ ("Bản Co Mỵ xã Thanh Chăn" / "Xóm Mới xã Thanh Chăn") but their segments repeat: one object
  // per segment content, so what is cached per segment downstream (readings, hamlet text) is found again.
  // Found by the name's folded key, then compared field by field: cheaper than a key of every field, and
  // most keys hold one segment.
  const segments = new Map<string, AddressSegment[]>();
  let segmentCount = 0;
  const shared = (list: AddressSegment[]): AddressSegment[] => {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      let same = segments.get(s.key);
      if (same === undefined) {
        if (segmentCount >= limit) {
          segments.clear();
          segmentCount = 0;
        }
        segments.set(s.key, (same = []));
      }
      const seen = same.find((t) => sameSegment(s, t));
      if (seen === undefined) {
        same.push(s);
        segmentCount++;
      } else list[i] = seen;
    }
    return list;
  };
  const partSegments = (part: Part, more: boolean): AddressSegment[] => {
    if (!more) return (part.last ??= shared(segmentAddress(part.tokens, known)));
    return (part.more ??= shared(segmentAddress(part.tokens, known, true)));
  };
  return (text) => {
    const cleaned = cleanAddressText(text);
    const pieces = cleaned.split(HARD_RUN_RE);
    if (pieces.length === 1) return partSegments(partOf(cleaned, true), false);
    for (let i = 1; i < pieces.length; i++) if (LEADING_STOP_RE.test(pieces[i])) return segmentAddress(tokenizeCleaned(cleaned, null), known);
    const read: Part[] = new Array(pieces.length);
    let lastWithTokens = -1;
    for (let i = 0; i < pieces.length; i++) {
      read[i] = partOf(pieces[i], i === 0);
      if (read[i].tokens.length > 0) lastWithTokens = i;
    }
    const out: AddressSegment[] = [];
    for (let i = 0; i <= lastWithTokens; i++) {
      if (read[i].tokens.length === 0) continue;
      for (const s of partSegments(read[i], i < lastWithTokens)) out.push(s);
    }
    return out;
  };
}

function sameSegment(a: AddressSegment, b: AddressSegment): boolean {
  return a.key === b.key && a.raw === b.raw && a.level === b.level && a.type === b.type && a.markerRaw === b.markerRaw && a.tone === b.tone && a.fullKey === b.fullKey && a.brk === b.brk;
}
