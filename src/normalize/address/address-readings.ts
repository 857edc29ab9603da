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

function quality(seg: AddressSegment, ref: { tone: string }): number {
  return seg.tone === ref.tone ? 1 : 0.97;
}

/** Province readings only; needed first because they set the scope of typo search. */
export function provinceReadings(seg: AddressSegment, index: GazetteerIndex, last: boolean): Reading<ProvinceRef>[] {
  if (seg.level !== null && seg.level !== 'province' && seg.level !== 'city') return [];
  const exact = index.provincesByKey.get(seg.key) ?? [];
  const ok = seg.level === 'city' ? exact.filter((p) => p.type === 'Thành phố') : exact;
  if (ok.length > 0) return ok.map((ref) => ({ ref, quality: quality(seg, ref), viaFull: false }));
  if (seg.level === 'province' || (last && seg.level === null)) {
    return index.fuzzyProvinces(seg.key).map(({ ref, distance }) => ({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false }));
  }
  return [];
}

/** District and commune readings of a segment within the current provinces in scope. */
export function unitReadings(seg: AddressSegment, index: GazetteerIndex, provinces: string[], provinceReads: Reading<ProvinceRef>[]): SegmentReadings {
  if (seg.level === 'hamlet' && !seg.fullKey) return { seg, provinces: provinceReads, districts: [], communes: [] };
  // New addresses share most of their parts ("Huyện Điện Biên", "Tỉnh Điện Biên", a commune's name), and the
  // parser hands out the same segment object for the same part: read each once per index, segment and scope.
  const strongProvince = provinceReads.some((r) => r.quality >= 0.97);
  const scopeKey = strongProvince ? `${provinces.join(',')}+` : provinces.join(',');
  let bySeg = caches.get(index);
  if (!bySeg) caches.set(index, (bySeg = new WeakMap()));
  let byScope = bySeg.get(seg);
  if (!byScope) bySeg.set(seg, (byScope = new Map()));
  let found = byScope.get(scopeKey);
  if (found === undefined) {
    found = readUnits(seg, index, provinces, provinceReads);
    byScope.set(scopeKey, found);
  }
  return { seg, provinces: provinceReads, districts: found.districts, communes: found.communes };
}

type Found = { districts: Reading<DistrictRef>[]; communes: Reading<CommuneRef>[] };
/** Per index, per segment object (segments are immutable and shared by the parser's part cache), per scope. */
const caches = new WeakMap<GazetteerIndex, WeakMap<AddressSegment, Map<string, Found>>>();

function readUnits(seg: AddressSegment, index: GazetteerIndex, provinces: string[], provinceReads: Reading<ProvinceRef>[]): SegmentReadings {
  const out: SegmentReadings = { seg, provinces: provinceReads, districts: [], communes: [] };
  if (seg.level === 'hamlet') {
    if (seg.fullKey) out.communes = exact(index.communesByKey.get(seg.fullKey), seg, true);
    return out;
  }
  if (seg.level === null || seg.level === 'district' || seg.level === 'city') {
    out.districts = exact(index.districtsByKey.get(seg.key), seg, false);
    const inScope = out.districts.filter((r) => provinces.includes(r.ref.currentProvinceCode));
    if (inScope.length > 0) out.districts = inScope;
    else {
      for (const p of provinces) {
        for (const { ref, distance } of index.fuzzyDistricts(seg.key, p)) {
          if (distance > 0) out.districts.push({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false });
        }
      }
    }
  }
  if (seg.level === null || seg.level === 'commune') {
    out.communes = exact(index.communesByKey.get(seg.key), seg, false);
    if (seg.fullKey) out.communes.push(...exact(index.communesByKey.get(seg.fullKey), seg, true));
    const inScope = (c: CommuneRef) => provinces.includes(c.list === 'legacy' ? c.currentProvinceCode : c.provinceCode);
    // Names repeat across the country ("Tân Thành" ×50): far ones only matter when nothing near matches.
    const near = out.communes.filter((r) => inScope(r.ref));
    if (near.length > 0) out.communes = near;
    // A name that is exactly a district or province here is that unit, not a misspelt commune.
    else if (!out.districts.some((r) => r.quality >= 0.97) && !provinceReads.some((r) => r.quality >= 0.97)) {
      for (const p of provinces) {
        for (const { ref, distance } of index.fuzzyCommunes(seg.key, p)) {
          if (distance > 0) out.communes.push({ ref, quality: FUZZY_QUALITY[distance] ?? 0, viaFull: false });
        }
      }
    }
  }
  return out;
}

function exact<T extends { tone: string }>(refs: T[] | undefined, seg: AddressSegment, viaFull: boolean): Reading<T>[] {
  return (refs ?? []).map((ref) => ({ ref, quality: viaFull ? 0.97 : quality(seg, ref), viaFull }));
}
