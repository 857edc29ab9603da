/**
 * Scores every commune an address could name against the rest of the address (does the district and
 * province written contain it? is it in the run's province?) and folds the readings of both lists into
 * outcomes: one per current commune (or per split old commune).
 */
import type { Reading, SegmentReadings } from './address-readings.js';
import type { CommuneRef, DistrictRef, GazetteerIndex, LegacyCommuneRef, ProvinceRef } from './gazetteer-index.js';

export interface Outcome {
  /** Current commune code, or null when the old commune was split (then `splitTargets` lists the new ones). */
  current: string | null;
  /** Old communes this outcome could have been written in, each with its best score. */
  legacyChoices: { ref: LegacyCommuneRef; score: number }[];
  splitTargets: string[];
  score: number;
  /** Index of the segment holding the commune name. */
  segment: number;
  /** The reading that scored best, for the label. */
  ref: CommuneRef;
}

const CONFLICT = 0.6;
const OUT_OF_PROVINCE = 0.5;

/** Score of one commune reading of segment i given all segments' readings. */
export function scoreCandidate(
  ref: CommuneRef, baseQuality: number, viaFull: boolean, i: number, all: readonly SegmentReadings[], defaultProvinces: ReadonlySet<string>,
): number {
  const seg = all[i].seg;
  let s = baseQuality - (viaFull ? 0.05 : 0);
  if (viaFull) {
    // The unit word was read as part of the name: its penalty above is all.
  } else if (seg.level === 'commune') {
    if (seg.type && seg.type !== ref.type) s -= 0.1;
  } else s -= 0.05;
  // "Pá Mú, Mường Nhé": a district's name after an unread name is the district, not the commune.
  const alsoUpper = all[i].districts.length > 0 || all[i].provinces.length > 0;
  if (alsoUpper) {
    for (let j = 0; j < i; j++) {
      if (all[j].seg.level === null) {
        s -= 0.2;
        break;
      }
    }
  }
  let provinceWritten = false;
  for (let j = 0; j < all.length; j++) {
    const other = all[j];
    if (j === i || (other.seg.level === 'hamlet' && j > i)) continue;
    const upper = other.seg.level === 'district' || other.seg.level === 'city' || other.seg.level === 'province';
    if (j < i && !upper) {
      // Left of the commune is where hamlets and streets go; a second commune there makes this reading doubtful.
      if (other.seg.level === 'commune') s -= 0.3;
      else if (other.communes.length > 0) s -= 0.05;
      continue;
    }
    const d = fittingDistrict(other.districts, ref);
    const p = fittingProvince(other.provinces, ref);
    // A district written is evidence of the old list, unless the same words also name the province ("Điện Biên").
    if (d && !p) s += ref.list === 'legacy' ? 0.1 * Math.min(1, d.quality / 0.97) : 0;
    if (p) {
      provinceWritten = true;
      s += 0.03 * Math.min(1, p.quality / 0.97);
    }
    if (d || p) continue;
    if (other.districts.length > 0 || other.provinces.length > 0 || other.communes.length > 0) s -= CONFLICT;
    else s -= 0.2;
  }
  const province = ref.list === 'legacy' ? ref.currentProvinceCode : ref.provinceCode;
  if (!provinceWritten && !defaultProvinces.has(province) && !(ref.list === 'legacy' && defaultProvinces.has(ref.provinceCode))) s -= OUT_OF_PROVINCE;
  return s;
}

function fittingDistrict(reads: Reading<DistrictRef>[], c: CommuneRef): Reading<DistrictRef> | undefined {
  for (const r of reads) if (districtFits(r.ref, c)) return r;
  return undefined;
}

function fittingProvince(reads: Reading<ProvinceRef>[], c: CommuneRef): Reading<ProvinceRef> | undefined {
  for (const r of reads) if (provinceFits(r.ref, c)) return r;
  return undefined;
}

function districtFits(d: DistrictRef, c: CommuneRef): boolean {
  return c.list === 'legacy' ? d.code === c.districtCode : c.originDistricts.has(d.code);
}

function provinceFits(p: ProvinceRef, c: CommuneRef): boolean {
  if (c.list === 'current') return p.currentCode === c.provinceCode;
  return p.list === 'legacy' ? p.code === c.provinceCode : p.code === c.currentProvinceCode;
}

/** Every commune reading scored and grouped by what it would code; best first. */
export function rankOutcomes(all: readonly SegmentReadings[], index: GazetteerIndex, defaultProvinces: ReadonlySet<string>): Outcome[] {
  // An address has a handful of outcomes: arrays searched in order beat two maps built per address.
  const out: Outcome[] = [];
  const keys: string[] = [];
  // Which lists read each outcome (1 legacy, 2 current): both agreeing is a small bonus.
  const lists: number[] = [];
  for (let i = 0; i < all.length; i++) {
    for (const r of all[i].communes) {
      const score = scoreCandidate(r.ref, r.quality, r.viaFull, i, all, defaultProvinces);
      const key = outcomeKey(r.ref);
      const bit = r.ref.list === 'legacy' ? 1 : 2;
      const at = keys.indexOf(key);
      if (at < 0) {
        out.push(outcomeOf(r.ref, index, score, i));
        keys.push(key);
        lists.push(bit);
        continue;
      }
      // Both lists usually read the same place: fold the reading into its outcome without making another.
      const prev = out[at];
      lists[at] |= bit;
      const legacy = legacyOf(r.ref, index);
      if (legacy) addLegacy(prev, legacy, score);
      if (score > prev.score) {
        prev.score = score;
        prev.segment = i;
        prev.ref = r.ref;
      }
    }
  }
  for (let k = 0; k < out.length; k++) if (lists[k] === 3) out[k].score += 0.02; // both lists agree
  return out.sort((a, b) => b.score - a.score);
}

/** What a reading would code: the current commune, or the split old commune. */
function outcomeKey(ref: CommuneRef): string {
  if (ref.list === 'current') return ref.code;
  return fullyMoved(ref) ? ref.links[0].to : `split:${ref.code}`;
}

function fullyMoved(ref: LegacyCommuneRef): boolean {
  return ref.links.length === 1 && ref.links[0].coverage === 'full';
}

/** The old commune a reading says the address was in: its own, or a new commune's single origin. */
function legacyOf(ref: CommuneRef, index: GazetteerIndex): LegacyCommuneRef | null {
  if (ref.list === 'legacy') return ref;
  // A new commune made from a single old one tells where the address was before 2025, too.
  return ref.origins.length === 1 ? index.legacyCommunes.get(ref.origins[0]) ?? null : null;
}

// Shared by every outcome that is not a split: never mutated.
const NO_TARGETS: string[] = [];

function outcomeOf(ref: CommuneRef, index: GazetteerIndex, score: number, segment: number): Outcome {
  const legacy = legacyOf(ref, index);
  const legacyChoices = legacy ? [{ ref: legacy, score }] : [];
  if (ref.list === 'current') return { current: ref.code, legacyChoices, splitTargets: NO_TARGETS, score, segment, ref };
  if (fullyMoved(ref)) return { current: ref.links[0].to, legacyChoices, splitTargets: NO_TARGETS, score, segment, ref };
  return { current: null, legacyChoices, splitTargets: ref.links.map((l) => l.to), score, segment, ref };
}

function addLegacy(into: Outcome, ref: LegacyCommuneRef, score: number): void {
  const same = into.legacyChoices.find((x) => x.ref.code === ref.code);
  if (!same) into.legacyChoices.push({ ref, score });
  else if (score > same.score) same.score = score;
}
