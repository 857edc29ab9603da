/**
 * Everything the address matcher looks up, computed once per run from a GazetteerData: name keys → units
 * of both lists, units per province (the scope for typo search), old ↔ new links, and parsing with a cache of address parts.
 */
import { memoize } from '../memoize.js';
import type { CommuneLink, GazetteerData } from './gazetteer-data.js';
import type { AddressSegment } from './address-segments.js';
import { addressParser } from './address-parse.js';
import { unitKey, unitTone } from './address-tokens.js';
import { allowedEdits, boundedEditDistance } from './edit-distance.js';

interface Named {
  code: string;
  name: string;
  type: string;
  /** Compact folded key ('thanhxuong'). */
  key: string;
  /** Compact tone key ('thanhxương'). */
  tone: string;
}

export interface LegacyCommuneRef extends Named {
  list: 'legacy';
  districtCode: string;
  provinceCode: string;
  /** The province this commune is in today (old provinces merged). */
  currentProvinceCode: string;
  links: CommuneLink[];
}

export interface CurrentCommuneRef extends Named {
  list: 'current';
  provinceCode: string;
  /** The same as provinceCode: both lists' communes answer "which province today" by this field. */
  currentProvinceCode: string;
  /** Old communes (or island districts) that went wholly or partly into this one. */
  origins: string[];
  originDistricts: ReadonlySet<string>;
}

export type CommuneRef = LegacyCommuneRef | CurrentCommuneRef;

export interface DistrictRef extends Named {
  provinceCode: string;
  currentProvinceCode: string;
}

export interface ProvinceRef extends Named {
  list: 'legacy' | 'current';
  /** The province code after 2025 this one is or became. */
  currentCode: string;
}

export interface GazetteerIndex {
  version: string;
  communesByKey: ReadonlyMap<string, CommuneRef[]>;
  districtsByKey: ReadonlyMap<string, DistrictRef[]>;
  provincesByKey: ReadonlyMap<string, ProvinceRef[]>;
  legacyCommunes: ReadonlyMap<string, LegacyCommuneRef>;
  currentCommunes: ReadonlyMap<string, CurrentCommuneRef>;
  districts: ReadonlyMap<string, DistrictRef>;
  legacyProvinces: ReadonlyMap<string, ProvinceRef>;
  currentProvinces: ReadonlyMap<string, ProvinceRef>;
  /** Whether a compact key names any unit of either list. */
  known(key: string): boolean;
  /**
   * The units a key names in one current province, in list order: the entries of `communesByKey` and
   * `districtsByKey` in that province, found without looking at the others (the scope is usually one province).
   */
  communesIn(key: string, currentProvinceCode: string): CommuneRef[] | undefined;
  districtsIn(key: string, currentProvinceCode: string): DistrictRef[] | undefined;
  /** Segments of a free-text address (parts between commas are read once per index: they repeat down a book). */
  parse(text: string): AddressSegment[];
  /** Communes of both lists in a current province whose key is within the typo bound of `key`. */
  fuzzyCommunes(key: string, currentProvinceCode: string): { ref: CommuneRef; distance: number }[];
  fuzzyDistricts(key: string, currentProvinceCode: string): { ref: DistrictRef; distance: number }[];
  fuzzyProvinces(key: string): { ref: ProvinceRef; distance: number }[];
}

/** Other names clerks use for a province (folded compact key → code in that list). */
const PROVINCE_ALIASES: [string, 'legacy' | 'current', string][] = [
  ['hue', 'legacy', '46'],
  ['saigon', 'legacy', '79'],
  ['tphochiminh', 'current', '79'],
];

/**
 * @example
 * const index = buildGazetteerIndex(JSON.parse(readFileSync('data/gazetteer/vn-2025.json', 'utf8')));
 * index.communesByKey.get('noongbua'); // [{ list: 'legacy', code: '03…', … }]
 */
export function buildGazetteerIndex(data: GazetteerData): GazetteerIndex {
  const named = (u: { code: string; name: string; type: string }) => ({ code: u.code, name: u.name, type: u.type, key: unitKey(u.name), tone: unitTone(u.name) });
  const provinceTo = new Map(data.provinceMap.map((m) => [m.from, m.to]));
  const legacyProvinces = new Map<string, ProvinceRef>();
  for (const p of data.legacy.provinces) legacyProvinces.set(p.code, { ...named(p), list: 'legacy', currentCode: provinceTo.get(p.code) ?? p.code });
  const currentProvinces = new Map<string, ProvinceRef>();
  for (const p of data.current.provinces) currentProvinces.set(p.code, { ...named(p), list: 'current', currentCode: p.code });

  const districts = new Map<string, DistrictRef>();
  for (const d of data.legacy.districts) {
    const provinceCode = d.parent ?? '';
    districts.set(d.code, { ...named(d), provinceCode, currentProvinceCode: legacyProvinces.get(provinceCode)?.currentCode ?? provinceCode });
  }

  const linksFrom = groupBy(data.communeMap, (l) => l.from);
  const linksTo = groupBy(data.communeMap, (l) => l.to);
  const legacyCommunes = new Map<string, LegacyCommuneRef>();
  for (const c of data.legacy.communes) {
    const district = districts.get(c.parent ?? '');
    const provinceCode = district?.provinceCode ?? '';
    legacyCommunes.set(c.code, {
      ...named(c), list: 'legacy', districtCode: c.parent ?? '', provinceCode,
      currentProvinceCode: district?.currentProvinceCode ?? provinceCode, links: linksFrom.get(c.code) ?? [],
    });
  }
  const currentCommunes = new Map<string, CurrentCommuneRef>();
  for (const c of data.current.communes) {
    const origins = (linksTo.get(c.code) ?? []).map((l) => l.from);
    const originDistricts = new Set(origins.map((o) => (o.length === 3 ? o : legacyCommunes.get(o)?.districtCode ?? '')).filter((d) => d !== ''));
    currentCommunes.set(c.code, { ...named(c), list: 'current', provinceCode: c.parent ?? '', currentProvinceCode: c.parent ?? '', origins, originDistricts });
  }

  const communesByKey = groupBy<CommuneRef>([...legacyCommunes.values(), ...currentCommunes.values()], (c) => c.key);
  const districtsByKey = groupBy([...districts.values()], (d) => d.key);
  const provinceList = [...legacyProvinces.values(), ...currentProvinces.values()];
  const provincesByKey = groupBy(provinceList, (p) => p.key);
  for (const [alias, list, code] of PROVINCE_ALIASES) {
    const p = (list === 'legacy' ? legacyProvinces : currentProvinces).get(code);
    if (p) provincesByKey.set(alias, [...(provincesByKey.get(alias) ?? []), p]);
  }

  const communesByProvince = groupBy<CommuneRef>([...legacyCommunes.values(), ...currentCommunes.values()], (c) => c.currentProvinceCode);
  const districtsByProvince = groupBy([...districts.values()], (d) => d.currentProvinceCode);
  const communesByProvinceKey = new Map([...communesByProvince].map(([p, units]) => [p, groupBy(units, (c) => c.key)]));
  const districtsByProvinceKey = new Map([...districtsByProvince].map(([p, units]) => [p, groupBy(units, (d) => d.key)]));
  // One set rather than three maps: segmentation asks this for every run of words it considers.
  const knownKeys = new Set([...communesByKey.keys(), ...districtsByKey.keys(), ...provincesByKey.keys()]);
  const known = (key: string) => knownKeys.has(key);
  const near = <T extends Named>(pool: LengthBuckets<T> | undefined, key: string) => {
    const max = allowedEdits(key.length);
    if (max === 0 || !pool) return [];
    const found: { ref: T; distance: number; at: number }[] = [];
    const mask = letterMask(key);
    // Only names whose length is within the typo bound can be within it.
    const hi = Math.min(pool.length - 1, key.length + max);
    for (let len = Math.max(0, key.length - max); len <= hi; len++) {
      const bucket = pool[len];
      if (bucket === undefined) continue;
      const bound = Math.min(max, allowedEdits(len));
      for (const { ref, at, letters } of bucket) {
        // Each edit brings in at most one letter the other name lacks: most names fail this before any alignment.
        if (bitCount(letters & ~mask) > bound || bitCount(mask & ~letters) > bound) continue;
        const d = boundedEditDistance(key, ref.key, bound);
        if (d <= bound) found.push({ ref, distance: d, at });
      }
    }
    // In list order, as a scan of the whole province gave them: equal scores keep their order downstream.
    if (found.length > 1) found.sort((a, b) => a.at - b.at);
    return found.map(({ ref, distance }) => ({ ref, distance }));
  };
  const communeBuckets = bucketAll(communesByProvince);
  const districtBuckets = bucketAll(districtsByProvince);
  const provinceBuckets = byLength(provinceList);
  const fuzzyCommunes = byProvince((province, key) => near(communeBuckets.get(province), key), 50_000);
  const fuzzyDistricts = byProvince((province, key) => near(districtBuckets.get(province), key), 20_000);
  const fuzzyProvinces = memoize((k: string) => near(provinceBuckets, k), 5_000);

  return {
    version: data.version,
    communesByKey, districtsByKey, provincesByKey,
    legacyCommunes, currentCommunes, districts, legacyProvinces, currentProvinces,
    known,
    communesIn: (key, province) => communesByProvinceKey.get(province)?.get(key),
    districtsIn: (key, province) => districtsByProvinceKey.get(province)?.get(key),
    // Not memoized by whole text: codeAddress keeps its answers by text, and the parser keeps its parts.
    parse: addressParser(known),
    fuzzyCommunes,
    fuzzyDistricts,
    fuzzyProvinces,
  };
}

/** A typo search remembered per province and key (two lookups; no key string to build). */
function byProvince<T>(search: (province: string, key: string) => T, limit: number): (key: string, province: string) => T {
  const answers = new Map<string, Map<string, T>>();
  let size = 0;
  return (key, province) => {
    let byKey = answers.get(province);
    if (!byKey) answers.set(province, (byKey = new Map()));
    let found = byKey.get(key);
    if (found === undefined) {
      if (++size > limit) {
        for (const m of answers.values()) m.clear();
        size = 1;
      }
      byKey.set(key, (found = search(province, key)));
    }
    return found;
  };
}

function groupBy<T>(items: Iterable<T>, keyOf: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Units by the length of their compact key: the typo search looks only at the lengths a typo can reach. */
type LengthBuckets<T> = ({ ref: T; at: number; letters: number }[] | undefined)[];

function byLength<T extends Named>(units: T[]): LengthBuckets<T> {
  const out: LengthBuckets<T> = [];
  units.forEach((ref, at) => (out[ref.key.length] ??= []).push({ ref, at, letters: letterMask(ref.key) }));
  return out;
}

/** Which of a–z and 0–9 a compact key holds, one bit each (digits share the top bits: a superset test stays sound). */
function letterMask(key: string): number {
  let m = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 6));
    else m |= 1 << 31;
  }
  return m;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function bucketAll<T extends Named>(groups: Map<string, T[]>): Map<string, LengthBuckets<T>> {
  return new Map([...groups].map(([k, units]) => [k, byLength(units)]));
}
