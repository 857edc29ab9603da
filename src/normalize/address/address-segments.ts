/**
 * Groups address tokens into segments: an optional unit word and a name ("P. Noong Bua" → commune-level
 * marker 'Phường' + name 'Noong Bua'). Punctuation ends a segment; so does a unit word in the middle
 * ("thôn 3 xã Thanh Xương"), and a hamlet number ("Đội 10 Thanh Hưng"). Names glued without punctuation
 * ("Thanh Xuong Dien Bien") are cut where the parts are names the gazetteer knows.
 */
import { properCase } from '../vietnamese-text.js';
import { MARKERS, type Marker, type MarkerLevel } from './address-markers.js';
import type { AddressToken } from './address-tokens.js';

export interface AddressSegment {
  level: MarkerLevel | null;
  /** The list type the unit word announces ('Xã', 'Huyện'…); for hamlets the spelled-out word or ''. */
  type: string | null;
  /** The unit word as written ('P.', 'Bản'), '' when none. */
  markerRaw: string;
  /** Compact folded key of the name ('noongbua'). */
  key: string;
  /** Compact tone key of the name (diacritics kept, tone placement canonical), for the exact-spelling bonus. */
  tone: string;
  /** The name as written. */
  raw: string;
  /** Key of unit word + name, when the unit word may belong to the name ("Bản Lầu", "Tô Hiệu", "Xa Dung"). */
  fullKey: string | null;
  /** Segment started after a comma-like ('hard') or dash-like ('soft') separator. */
  brk: AddressToken['brk'];
}

interface Draft {
  marker: Marker | null;
  markerTokens: AddressToken[];
  tokens: AddressToken[];
  brk: AddressToken['brk'];
}

const NUMBER_RE = /^\d+[a-z]?$/;
/** Unit words by their first word, longest first as in MARKERS: most tokens start none, and are rejected in one lookup. */
const MARKERS_BY_FIRST = new Map<string, Marker[]>();
for (const m of MARKERS) {
  const list = MARKERS_BY_FIRST.get(m.words[0]);
  if (list) list.push(m);
  else MARKERS_BY_FIRST.set(m.words[0], [m]);
}
const NO_MARKERS: Marker[] = [];
// A draft's unit-word tokens are replaced, never pushed to: drafts without one share this.
const NO_TOKENS: AddressToken[] = [];
const ROMAN_RE = /^[ivx]+$/;

/**
 * `more`: the tokens are a part of a longer text and more follow after a comma-like break, so a unit word at
 * their end still has a name after it ("Bản, Xã Thanh Xương").
 *
 * @example
 * segmentAddress(tokenizeAddress('Đội 10 Thanh Hưng'), known).map((s) => s.raw); // ['10', 'Thanh Hưng']
 */
export function segmentAddress(tokens: AddressToken[], known: (key: string) => boolean, more = false): AddressSegment[] {
  const end = more ? tokens.length + 1 : tokens.length;
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const atStart: boolean = cur === null || t.brk !== null || (cur.tokens.length === 0 && cur.markerTokens.length === 0);
    const hamletNumberDone: boolean =
      cur !== null && (cur as Draft).marker?.level === 'hamlet' && (cur as Draft).tokens.length === 1 && (NUMBER_RE.test(cur.tokens[0].key) || ROMAN_RE.test(cur.tokens[0].key));
    const afterMarker: boolean = cur !== null && t.brk === null && cur.tokens.length === 0 && cur.markerTokens.length > 0;
    const marker: Marker | null = afterMarker ? null : markerAt(tokens, i, end, atStart || hamletNumberDone, cur, known);
    if (marker || atStart || hamletNumberDone) {
      cur = { marker: marker ?? null, markerTokens: NO_TOKENS, tokens: [], brk: t.brk };
      drafts.push(cur);
    }
    if (marker) {
      cur!.markerTokens = tokens.slice(i, i + marker.words.length);
      i += marker.words.length;
    } else {
      cur!.tokens.push(t);
      i++;
    }
  }
  const kept: Draft[] = [];
  for (const d of drafts) {
    for (const part of splitDraft(d, known)) if (part.tokens.length > 0 || part.marker?.level === 'hamlet') kept.push(part);
  }
  const merged = mergeSoftBreaks(kept, known);
  const out: AddressSegment[] = new Array(merged.length);
  for (let i = 0; i < merged.length; i++) out[i] = toSegment(merged[i]);
  return out;
}

/** The unit word starting at token i, if any; `end` counts the tokens after these (a later part's) too. */
function markerAt(tokens: AddressToken[], i: number, end: number, atStart: boolean, cur: Draft | null, known: (key: string) => boolean): Marker | null {
  for (const m of MARKERS_BY_FIRST.get(tokens[i].key) ?? NO_MARKERS) {
    const n = m.words.length;
    if (i + n >= end) continue; // a unit word needs a name after it
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = tokens[i + k].key === m.words[k] && (k === 0 || tokens[i + k].brk === null);
    if (!ok) continue;
    if (atStart) return m;
    if (m.level === 'hamlet') continue; // below-commune words only open a segment
    if (m.spelled === null) return m; // abbreviations (P., TT, H) are never syllables of a name
    const written = tokens.slice(i, i + n).map((t) => t.tone).join(' ');
    if (written === m.spelled) return m;
    const bare = tokens.slice(i, i + n).every((t) => t.tone === t.key);
    if (!bare) continue; // "Phương" with its own diacritics is a name
    // Undiacritized "phuong": a unit word unless it continues a known name ("dong phuong").
    const prefix = cur ? cur.tokens.map((t) => t.key).join('') : '';
    let joined = prefix;
    let continues = false;
    for (let k = i; k < Math.min(tokens.length, i + 3) && !continues; k++) {
      joined += tokens[k].key;
      continues = prefix !== '' && known(joined);
    }
    if (!continues) return m;
  }
  return null;
}

/** Cuts a hamlet's trailing commune name, and a name the gazetteer does not know into names it knows. */
function splitDraft(d: Draft, known: (key: string) => boolean): Draft[] {
  const keys = d.tokens.map((t) => t.key);
  if (d.marker?.level === 'hamlet') {
    for (let k = 1; k <= keys.length - 2; k++) {
      if (known(keys.slice(k).join(''))) {
        return [
          { ...d, tokens: d.tokens.slice(0, k) },
          { marker: null, markerTokens: NO_TOKENS, tokens: d.tokens.slice(k), brk: null },
        ];
      }
    }
    return [d];
  }
  if (keys.length < 2 || known(keys.join('')) || (d.marker && known(d.markerTokens.map((t) => t.key).join('') + keys.join('')))) return [d];
  const cuts = bestCuts(keys, known);
  if (cuts === null) return [d];
  const out: Draft[] = [];
  let from = 0;
  for (const to of [...cuts, keys.length]) {
    out.push(from === 0 ? { ...d, tokens: d.tokens.slice(0, to) } : { marker: null, markerTokens: NO_TOKENS, tokens: d.tokens.slice(from, to), brk: null });
    from = to;
  }
  return out;
}

/**
 * Fewest cut points so every part is a known name (at most 3 parts), or null. Parts have two words at
 * least: one-syllable names (Hồ, Thứa) would otherwise cut a misspelt two-word name in half.
 */
function bestCuts(keys: string[], known: (key: string) => boolean): number[] | null {
  const n = keys.length;
  const part = (a: number, b: number) => b - a >= 2 && known(keys.slice(a, b).join(''));
  for (let a = 1; a < n; a++) if (part(0, a) && part(a, n)) return [a];
  for (let a = 1; a < n; a++) for (let b = a + 1; b < n; b++) if (part(0, a) && part(a, b) && part(b, n)) return [a, b];
  return null;
}

/** "Bà Rịa - Vũng Tàu", "Văn Miếu - Quốc Tử Giám": a dash inside a name, not between two units. */
function mergeSoftBreaks(drafts: Draft[], known: (key: string) => boolean): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && d.brk === 'soft' && d.marker === null && prev.marker?.level !== 'hamlet') {
      const joined = [...prev.tokens, ...d.tokens].map((t) => t.key).join('');
      if (known(joined)) {
        prev.tokens = [...prev.tokens, ...d.tokens];
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

function toSegment(d: Draft): AddressSegment {
  // One pass over the tokens for the keys and the name as written (a segment is built for every new part).
  let key = '';
  let tone = '';
  let raw = '';
  for (const t of d.tokens) {
    key += t.key;
    tone += NUMBER_RE.test(t.key) ? t.key : t.tone.indexOf("'") < 0 ? t.tone : t.tone.replace(/'/g, '');
    if (t.raw !== '') raw = raw === '' ? t.raw : `${raw} ${t.raw}`;
  }
  let markerKey = '';
  let markerRaw = '';
  for (let i = 0; i < d.markerTokens.length; i++) {
    const t = d.markerTokens[i];
    markerKey += t.key;
    const written = t.dot ? `${t.raw}.` : t.raw;
    markerRaw = i === 0 ? written : `${markerRaw} ${written}`;
  }
  return {
    level: d.marker?.level ?? null,
    type: d.marker ? d.marker.type : null,
    markerRaw,
    key,
    tone,
    raw,
    fullKey: d.marker && d.marker.spelled !== null || d.marker?.level === 'hamlet' ? markerKey + key : null,
    brk: d.brk,
  };
}

/** The hamlet as written, proper case, abbreviations spelled out: 'TDP 5' → 'Tổ dân phố 5', 'bản noong bua' → 'Bản Noong Bua'. */
export function hamletText(s: AddressSegment): string {
  // Segments are immutable and shared by the parser's part cache: proper-case each once.
  let text = hamletTexts.get(s);
  if (text === undefined) {
    const word = s.type ? s.type : properCase(s.markerRaw.replace(/\.$/, ''));
    text = [word, properCase(s.raw)].filter((p) => p !== '').join(' ');
    hamletTexts.set(s, text);
  }
  return text;
}

const hamletTexts = new WeakMap<AddressSegment, string>();
