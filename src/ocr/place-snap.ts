import { MARKERS } from '../normalize/address/address-markers.js';
import { boundedEditDistance } from '../normalize/address/edit-distance.js';
import type { GazetteerData, GazetteerUnit } from '../normalize/address/gazetteer-data.js';
import { foldKey, toneKey } from '../normalize/vietnamese-text.js';

/**
 * The unit names a place read off a scan most likely says: "Túa Chùa" → Tủa Chùa, "Xong U" → Nong U,
 * "Điền Biên" → Điện Biên, "XãTìa Dình" → Xã Tìa Dình, "tính Điện Biên" → tỉnh Điện Biên. A part is replaced only
 * by the one gazetteer name nearest to it (with its diacritics, a mark counting as one edit); hamlets and house
 * numbers are not in the gazetteer and keep their words, except for a misread hamlet word ("Bán" → Bản). Commas
 * lost or read as periods between parts are put back ("Mường Lay tỉnh Điện Biên", "Nong U. Điện Biên Đông").
 * The caller sends a changed field to review.
 */

/** The gazetteer's unit names by comparison key, the keys by length, and the names of each name's units' children. */
export interface PlaceNameIndex {
  names: ReadonlyMap<string, string>;
  byLength: ReadonlyMap<number, readonly string[]>;
  /** "tủa chùa" → the communes of Huyện Tủa Chùa (every unit of that name counts). */
  children: ReadonlyMap<string, readonly string[]>;
}

/**
 * @example
 * const index = placeNameIndex([{ name: 'Tủa Chùa' }, { name: 'Điện Biên' }]);
 * snapPlaceNames('Xã Huổi Só, Túa Chùa, Điện Biên', index); // 'Xã Huổi Só, Tủa Chùa, Điện Biên' (Huổi Só known too)
 */
export function placeNameIndex(units: Iterable<{ name: string; parentName?: string | null }>): PlaceNameIndex {
  const names = new Map<string, string>();
  const byLength = new Map<number, string[]>();
  const children = new Map<string, string[]>();
  for (const { name, parentName } of units) {
    const key = toneKey(name);
    if (parentName) {
      const siblings = children.get(toneKey(parentName)) ?? [];
      if (!siblings.includes(key)) siblings.push(key);
      children.set(toneKey(parentName), siblings);
    }
    if (names.has(key)) continue;
    names.set(key, name);
    const list = byLength.get(key.length) ?? [];
    list.push(key);
    byLength.set(key.length, list);
  }
  return { names, byLength, children };
}

/**
 * Every unit of the gazetteer, before and after 2025, with the name of the unit it lies in.
 *
 * @example
 * placeNameIndex(gazetteerUnits(data)).children.get('tủa chùa'); // ['tả phìn', 'tủa thàng', …]
 */
export function gazetteerUnits(data: GazetteerData): { name: string; parentName: string | null }[] {
  const named = (units: GazetteerUnit[], parents: GazetteerUnit[]) => {
    const byCode = new Map(parents.map((p) => [p.code, p.name]));
    return units.map((u) => ({ name: u.name, parentName: u.parent === null ? null : byCode.get(u.parent) ?? null }));
  };
  return [
    ...named(data.legacy.provinces, []),
    ...named(data.legacy.districts, data.legacy.provinces),
    ...named(data.legacy.communes, data.legacy.districts),
    ...named(data.current.provinces, []),
    ...named(data.current.communes, data.current.provinces),
  ];
}

/** Unit words written before a name, as the page prints them. */
const UNIT_WORDS = ['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh'];
/** Words that start a part below the commune (not in the gazetteer), followed by a name. */
const HAMLET_WORDS = ['bản', 'thôn', 'xóm', 'làng', 'ấp'];
/** Hamlet words followed by a number ("Tổ 5", "Đội 10"): "Tô Hiệu" and "Khu công nghiệp" are left alone. */
const NUMBERED_WORDS = ['tổ', 'đội', 'khối', 'khu', 'phố', 'số nhà', 'tổ dân phố'];
const UNIT_WORD_RE = /^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|tp\.?|tx\.?|tt\.?|h\.|x\.|t\.|p\.|q\.)/iu;
const PART_SPLIT_RE = /(\s*(?:,|;| - | – )\s*)/u;

/** The text with its misread unit names and unit words replaced; null when nothing changes. */
export function snapPlaceNames(text: string, index: PlaceNameIndex, homeProvince: string | null = null): string | null {
  const commas = restoreLostCommas(text, index);
  const pieces = commas.split(PART_SPLIT_RE);
  let changed = commas !== text;
  // From the largest unit (written last) to the smallest: a part is first looked for among the units of the
  // part after it ("Ta Thàng, Tủa Chùa": the communes of Tủa Chùa), where one name is nearest far more often.
  // The last part is first looked for in the run's province, which most books' addresses are in.
  let scope: readonly string[] | null = homeProvince === null ? null : index.children.get(toneKey(homeProvince)) ?? null;
  const last = pieces.length - 1 - ((pieces.length - 1) % 2);
  for (let i = last; i >= 0; i -= 2) {
    // A known part before this one names a unit inside it: it tells two names equally near apart ("Sín Thầu,
    // Mường Nhó": Mường Nhé, not Mường Nhà).
    const inner = i >= 2 ? toneKey(nameOf(pieces[i - 2])) : null;
    const hint = inner !== null && index.names.has(inner) ? inner : null;
    const part = (i === last && i > 0 && cutHomeProvince(pieces[i], index, homeProvince)) || snapPart(pieces[i], index, scope, hint);
    if (part !== pieces[i]) [pieces[i], changed] = [part, true];
    scope = index.children.get(toneKey(nameOf(part))) ?? null;
  }
  return changed ? pieces.join('') : null;
}

/**
 * The last part of an address cut short at the line's end ("…, tỉnh Điện" for "tỉnh Điện Biên"), completed when its
 * words begin the run's province name and are no known name themselves; null otherwise.
 */
function cutHomeProvince(part: string, index: PlaceNameIndex, homeProvince: string | null): string | null {
  if (homeProvince === null) return null;
  const [first, ...rest] = part.trim().split(' ');
  // The unit word may be misread too ("tính Điện"): a first word that folds to a one-word unit word is that word.
  const misread = rest.length > 0 && !UNIT_WORD_RE.test(part) ? UNIT_WORDS.find((w) => !w.includes(' ') && foldKey(w) === foldKey(first)) : undefined;
  const unit = misread ? casedLike(first, misread) : (UNIT_WORD_RE.exec(part)?.[0] ?? '');
  const name = misread ? rest.join(' ') : part.slice(unit.length).trim();
  if (name === '' || index.names.has(toneKey(name)) || !toneKey(homeProvince).startsWith(`${toneKey(name)} `)) return null;
  return unit === '' ? homeProvince : `${unit} ${homeProvince}`;
}

/** The part without its unit word ("xã Tìa Dình" → "Tìa Dình"). */
function nameOf(part: string): string {
  return part.slice((UNIT_WORD_RE.exec(part)?.[0] ?? '').length).trim();
}

function snapPart(part: string, index: PlaceNameIndex, scope: readonly string[] | null, inner: string | null = null): string {
  if (part.trim() === '' || index.names.has(toneKey(part))) return part;
  const word = leadingWord(part, index, scope);
  if (word !== null) return word;
  const unit = UNIT_WORD_RE.exec(part)?.[0] ?? '';
  const name = part.slice(unit.length).trim();
  if (name === '' || /(?:^|\s)\d+(?:\s|$)/u.test(name)) return part;
  const key = toneKey(name);
  const known = index.names.get(key) ?? (scope && nearestName(key, index, scope, inner)) ?? nearestName(key, index, null, inner);
  if (known === null) return part;
  return unit === '' ? known : `${unit} ${known}`;
}

/** A parent with this many units or fewer (a district's communes, a province's districts) allows one more edit. */
const SMALL_SCOPE = 60;

const LEADING_WORDS = [...UNIT_WORDS, ...HAMLET_WORDS, ...NUMBERED_WORDS].sort((a, b) => b.length - a.length);

/**
 * A part whose first word is a unit or hamlet word read with a wrong mark ("tính Điện Biên", "Bán Huổi Sa",
 * "Đôi 6"), put right; null when the first word is no such misreading. A name that merely starts like a unit
 * word ("Tô Hiệu", a commune) is a known name and never gets here.
 */
function leadingWord(part: string, index: PlaceNameIndex, scope: readonly string[] | null): string | null {
  for (const word of LEADING_WORDS) {
    const head = part.slice(0, word.length);
    const rest = part.slice(word.length);
    if (rest !== '' && !/^\s/u.test(rest)) continue;
    if (NUMBERED_WORDS.includes(word) && !/^\s*\d/u.test(rest)) continue;
    if (foldKey(head) !== foldKey(word) || toneKey(head) === word) continue;
    if (index.names.has(toneKey(part))) return null;
    const fixed = casedLike(head, word);
    const restFixed = UNIT_WORDS.includes(word) ? snapPart(rest.trim(), index, scope) : rest.trim();
    // "Xà Tòng" in Tuần Giáo is Nà Tòng, not xã "Tòng": a unit word before no known name may be a name's first word.
    const whole = UNIT_WORDS.includes(word) && !index.names.has(toneKey(restFixed)) && scope ? nearestName(toneKey(part), index, scope) : null;
    if (whole !== null) return whole;
    return rest === '' ? fixed : `${fixed} ${restFixed}`;
  }
  return null;
}

/** `word` with a capital first letter when `read` has one ("Bán" → "Bản", "bán" → "bản"). */
function casedLike(read: string, word: string): string {
  return read[0] === read[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/**
 * The text with the commas OCR lost or misread put back. A comma is a thin mark, often lost on a scan or read as a
 * period; the page printed it between the parts:
 * - a unit word (its marks put right) inside a part, before a known name, starts a part of its own ("thị xã
 *   Mường Lay tính Điện Biên" → "thị xã Mường Lay, tỉnh Điện Biên");
 * - a name followed by the name of the unit it lies in ("Mường Lay Điện Biên" → "Mường Lay, Điện Biên");
 * - a period before a known name, after a word that is no abbreviation ("Nong U. Điện Biên Đông"; "TP. Điện
 *   Biên Phủ" keeps its period).
 */
function restoreLostCommas(text: string, index: PlaceNameIndex): string {
  const periods = text.replace(/(\p{L}+)\.\s+(?=([^,.;]+))/gu, (whole, word: string, next: string) =>
    ABBREVIATIONS.has(word.toLowerCase()) || !isKnownPart(next, index) ? whole : `${word}, `);
  return periods.split(',').map((part) => {
    const lead = part.slice(0, part.length - part.trimStart().length);
    return lead + splitPart(part.trim().split(/\s+/u), index).join(', ');
  }).join(',');
}

/** Unit words written short before a name ("TP. Điện Biên Phủ", "H. Tủa Chùa"): the address segmenter's. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  MARKERS.filter((m) => m.level !== 'hamlet' && m.spelled === null && m.words.length === 1).map((m) => m.words[0]),
);

/** A part that is a known name or one name a few edits from it, with or without its unit word ("Điên Biên"). */
function isKnownPart(part: string, index: PlaceNameIndex): boolean {
  const key = toneKey(nameOf(part.trim()));
  return index.names.has(key) || nearestName(key, index, null) !== null;
}

/**
 * The words of a part, as the parts they were before commas were lost (see restoreLostCommas), looked for from
 * the end: the last part is the shortest known one.
 */
function splitPart(words: string[], index: PlaceNameIndex): string[] {
  for (let i = words.length - 1; i >= 1; i--) {
    const unit = unitWordAt(words, i);
    const rest = words.slice(i + (unit?.length ?? 0));
    if (rest.length === 0 || !index.names.has(toneKey(rest.join(' ')))) continue;
    const left = words.slice(0, i);
    if (unit !== null && unitWordAt(words, i - 1)?.length !== 2) { // not the "xã" of "thị xã"
      return [...splitPart(left, index), [casedLike(words[i], unit[0]), ...unit.slice(1), ...rest].join(' ')];
    }
    const leftKey = toneKey(nameOf(left.join(' ')));
    if (unit === null && index.children.get(toneKey(rest.join(' ')))?.some((child) => leftKey === child || leftKey.endsWith(` ${child}`))) {
      return [...splitPart(left, index), rest.join(' ')];
    }
  }
  return [words.join(' ')];
}

/** The unit word ("tỉnh", "thị xã") starting at word i, its marks put right; null when there is none. */
function unitWordAt(words: readonly string[], i: number): string[] | null {
  for (const unit of UNIT_WORDS_LONGEST_FIRST) {
    const parts = unit.split(' ');
    const read = words.slice(i, i + parts.length);
    if (read.length === parts.length && foldKey(read.join(' ')) === foldKey(unit)) return parts;
  }
  return null;
}
const UNIT_WORDS_LONGEST_FIRST = [...UNIT_WORDS].sort((a, b) => b.split(' ').length - a.split(' ').length);

/**
 * The one known name within a few edits of the key (one for very short names, two otherwise, one more among the
 * few units of a known parent), among the scope's names or all of them; null when none or several, unless one
 * of the several holds the unit `inner`.
 */
function nearestName(key: string, index: PlaceNameIndex, scope: readonly string[] | null, inner: string | null = null): string | null {
  const max = (key.length <= 4 ? 1 : 2) + (scope !== null && scope.length <= SMALL_SCOPE ? 1 : 0);
  let nearest: string[] = [];
  let bestDistance = max + 1;
  const consider = (candidate: string): void => {
    const d = boundedEditDistance(key, candidate, max);
    if (d > max) return;
    if (d < bestDistance) [nearest, bestDistance] = [[candidate], d];
    else if (d === bestDistance && !nearest.includes(candidate)) nearest.push(candidate);
  };
  if (scope !== null) for (const candidate of scope) consider(candidate);
  else for (let len = key.length - max; len <= key.length + max; len++) for (const candidate of index.byLength.get(len) ?? []) consider(candidate);
  const holding = nearest.length > 1 && inner !== null ? nearest.filter((c) => index.children.get(c)?.includes(inner)) : nearest;
  return holding.length === 1 ? index.names.get(holding[0]!) ?? null : null;
}
