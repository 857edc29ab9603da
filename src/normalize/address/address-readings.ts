/**
 * What each segment of an address could be: which provinces, districts and communes its name matches,
 * exactly or within a typo, given what its unit word allows and the province in play.
 */
import type { AddressSegment } from './address-segments.js';
import type { CommuneRef, DistrictRef, GazetteerIndex, ProvinceRef } from './gazetteer-index.js';

export interface Reading<T> {
  ref: T;
  /** Name quality: 1 exact spelling, 0.97 same letters without (or with other) diacritics, less for typos. */
  quality: number;
  /** Read through the unit word as part of the name ("Bản Lầu", "Tô Hiệu"). */
  viaFull: boolean;
}

export interface SegmentReadings {
  seg: AddressSegment;
  provinces: Reading<ProvinceRef>[];
  districts: Reading<DistrictRef>[];
  communes: Reading<CommuneRef>[];
}

const FUZZY_QUALITY = [1, 0.85, 0.75];
// Shared empty lists: readings are never mutated once built.
const NONE: never[] = [];

function quality(seg: AddressSegment, ref: { tone: string }): number {
  return seg.tone === ref.tone ? 1 : 0.97;
}

/** Province readings only; needed first because they set the scope of typo search. */
export function provinceReadings(seg: AddressSegment, index: GazetteerIndex, last: boolean): Reading<ProvinceRef>[] {
  if (seg.level !== null && seg.level !== 'province' && seg.level !== 'city') return NONE;
  const exact = index.provincesByKey.get(seg.key) ?? NONE;
  const ok = seg.level === 'city' ? exact.filter((p) => p.type === 'Thành phố') : exact;
  if (ok.length > 0) return ok.map((ref) => ({ ref, quality: quality(seg, ref), viaFull: false }));
  if (seg.level === 'province' || (last && seg.level === null)) {
    return index.fuzzyProvinces(seg.key).map(({ ref, distance }) => ({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false }));
  }
  return NONE;
}

/**
 * District and commune readings of a segment within the current provinces in scope. `scopeKey` names the
 * scope for the cache (the caller builds it once per address: the provinces joined). What else the reading
 * depends on (the segment's own province readings) follows from the segment itself.
 */
export function unitReadings(seg: AddressSegment, index: GazetteerIndex, provinces: string[], scopeKey: string, provinceReads: Reading<ProvinceRef>[]): SegmentReadings {
  if (seg.level === 'hamlet' && !seg.fullKey) return { seg, provinces: provinceReads, districts: NONE, communes: NONE };
  // New addresses share most of their parts ("Huyện Điện Biên", "Tỉnh Điện Biên", a commune's name), and the
  // parser hands out the same segment object for the same part: read each once per index, segment and scope.
  // A segment is nearly always read in one scope (its book's province): that reading is kept on its own, and
  // a map is made only for a segment read in a second scope.
  let bySeg = caches.get(index);
  if (!bySeg) caches.set(index, (bySeg = new WeakMap()));
  const cached = bySeg.get(seg);
  let found: Found | undefined;
  if (cached === undefined) {
    found = readUnits(seg, index, provinces, provinceReads);
    bySeg.set(seg, { scopeKey, found });
  } else if (cached.scopeKey === scopeKey) found = cached.found;
  else {
    found = cached.others?.get(scopeKey);
    if (found === undefined) (cached.others ??= new Map()).set(scopeKey, (found = readUnits(seg, index, provinces, provinceReads)));
  }
  return { seg, provinces: provinceReads, districts: found.districts, communes: found.communes };
}


type Found = { districts: Reading<DistrictRef>[]; communes: Reading<CommuneRef>[] };
/** The readings of a segment in the first scope it was read in, and in any other. */
type Cached = { scopeKey: string; found: Found; others?: Map<string, Found> };
/** Per index, per segment object (segments are immutable and shared by the parser's part cache), per scope. */
const caches = new WeakMap<GazetteerIndex, WeakMap<AddressSegment, Cached>>();

function readUnits(seg: AddressSegment, index: GazetteerIndex, provinces: string[], provinceReads: Reading<ProvinceRef>[]): Found {
  const out: Found = { districts: NONE, communes: NONE };
  if (seg.level === 'hamlet') {
    if (seg.fullKey) out.communes = exact(index.communesByKey.get(seg.fullKey), seg, true, null);
    return out;
  }
  if (seg.level === null || seg.level === 'district' || seg.level === 'city') {
    const here = provinces.length === 1 ? exact(index.districtsIn(seg.key, provinces[0]), seg, false, null) : exact(index.districtsByKey.get(seg.key), seg, false, provinces);
    if (here.length > 0) out.districts = here;
    else {
      const refs = index.districtsByKey.get(seg.key);
      // Nothing of that name here: the far ones stay (they are evidence against), and typos of near ones join them.
      out.districts = exact(refs, seg, false, null);
      for (const p of provinces) {
        for (const { ref, distance } of index.fuzzyDistricts(seg.key, p)) {
          if (distance > 0) out.districts.push({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false });
        }
      }
    }
  }
  if (seg.level === null || seg.level === 'commune') {
    // Names repeat across the country ("Tân Thành" ×50): far ones only matter when nothing near matches.
    const near = inScope(index, seg.key, seg, false, provinces);
    const nearFull = seg.fullKey ? inScope(index, seg.fullKey, seg, true, provinces) : NONE;
    if (near.length > 0 || nearFull.length > 0) {
      out.communes = nearFull.length > 0 ? near.concat(nearFull) : near;
      return out;
    }
    const refs = index.communesByKey.get(seg.key);
    const fullRefs = seg.fullKey ? index.communesByKey.get(seg.fullKey) : undefined;
    out.communes = exact(refs, seg, false, null);
    if (fullRefs) out.communes = out.communes.concat(exact(fullRefs, seg, true, null));
    // A name that is exactly a district or province here is that unit, not a misspelt commune.
    if (!strong(out.districts) && !strong(provinceReads)) {
      for (const p of provinces) {
        for (const { ref, distance } of index.fuzzyCommunes(seg.key, p)) {
          if (distance > 0) out.communes.push({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false });
        }
      }
    }
  }
  return out;
}

function strong(reads: Reading<unknown>[]): boolean {
  for (const r of reads) if (r.quality >= 0.97) return true;
  return false;
}

/** Readings of the communes a key names in the provinces given (today's provinces). */
function inScope(index: GazetteerIndex, key: string, seg: AddressSegment, viaFull: boolean, provinces: string[]): Reading<CommuneRef>[] {
  if (provinces.length === 1) return exact(index.communesIn(key, provinces[0]), seg, viaFull, null);
  return exact(index.communesByKey.get(key), seg, viaFull, provinces);
}

/** Readings of the units a key names; only those in the provinces given (today's provinces) when given. */
function exact<T extends { tone: string; currentProvinceCode: string }>(refs: T[] | undefined, seg: AddressSegment, viaFull: boolean, scope: string[] | null): Reading<T>[] {
  if (!refs) return [];
  const out: Reading<T>[] = [];
  for (const ref of refs) {
    if (scope !== null && !scope.includes(ref.currentProvinceCode)) continue;
    out.push({ ref, quality: viaFull ? 0.97 : quality(seg, ref), viaFull });
  }
  return out;
}
