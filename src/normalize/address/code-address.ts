/**
 * Codes an address as a clerk wrote it to the administrative units before and after 1 July 2025.
 * Pure: the gazetteer comes in as an index built once per run.
 */
import type { Issue } from '../issue.js';
import { cleanText } from '../vietnamese-text.js';
import { hamletText, type AddressSegment } from './address-segments.js';
import { provinceReadings, unitReadings, type Reading, type SegmentReadings } from './address-readings.js';
import { rankOutcomes, type Outcome } from './address-candidates.js';
import type { GazetteerIndex, ProvinceRef } from './gazetteer-index.js';
import { describeCurrent, describeLegacy, describeOutcome } from './address-labels.js';

export interface AddressInput {
  text?: string;
  hamlet?: string;
  commune?: string;
  district?: string;
  province?: string;
}

export interface AddressCandidate {
  label: string;
  legacyCommuneCode: string | null;
  currentCommuneCode: string | null;
  score: number;
}

export interface AddressCoding {
  /** thôn/bản/tổ/xóm/khối/đội… as written, proper case ("Bản Noong Bua", "Tổ 5"); null when none. */
  hamlet: string | null;
  /** Codes in the pre-2025 list; only filled when certain. */
  legacy: { provinceCode: string; districtCode: string | null; communeCode: string } | null;
  /** Codes in the post-2025 list; only filled when certain. */
  current: { provinceCode: string; communeCode: string } | null;
  status: 'coded' | 'ambiguous' | 'unmatched';
  confidence: number;
  /** Top 3 for the reviewer. */
  candidates: AddressCandidate[];
  issues: Issue[];
}

/** Best score needed to code without review, and the lead it needs over the next different outcome. */
const MIN_SCORE = 0.7;
const MIN_MARGIN = 0.1;

/**
 * @example
 * codeAddress({ text: 'Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên' }, index, { defaultProvinceCode: '11' });
 * // { hamlet: 'Bản Noong Bua', legacy: { provinceCode: '11', districtCode: '094', communeCode: '03…' },
 * //   current: { provinceCode: '11', communeCode: '03…' }, status: 'coded', … }
 */
export function codeAddress(input: AddressInput, index: GazetteerIndex, context: { defaultProvinceCode: string }): AddressCoding {
  // A book repeats its address on every member's row: code each distinct one once per index. Most inputs
  // are a single text: those are found by province then text, with no key to build.
  let memo = memos.get(index);
  if (!memo) memos.set(index, (memo = { texts: new Map(), size: 0, other: new Map(), defaults: new Map() }));
  const textOnly = input.hamlet === undefined && input.commune === undefined && input.district === undefined && input.province === undefined && input.text !== undefined;
  let byText: Map<string, AddressCoding> | undefined;
  let key = '';
  let coded: AddressCoding | undefined;
  if (textOnly) {
    byText = memo.texts.get(context.defaultProvinceCode);
    if (!byText) memo.texts.set(context.defaultProvinceCode, (byText = new Map()));
    coded = byText.get(input.text!);
  } else {
    // Parts joined by a control character no cleaned address holds: cheaper than JSON, and unambiguous.
    key = `${context.defaultProvinceCode}\u0001${input.text ?? ''}\u0001${input.hamlet ?? ''}\u0001${input.commune ?? ''}\u0001${input.district ?? ''}\u0001${input.province ?? ''}`;
    coded = memo.other.get(key);
  }
  if (coded === undefined) {
    let defaults = memo.defaults.get(context.defaultProvinceCode);
    if (!defaults) memo.defaults.set(context.defaultProvinceCode, (defaults = defaultProvinces(index, context.defaultProvinceCode)));
    coded = codeFresh(input, index, defaults);
    if (++memo.size > MEMO_LIMIT) {
      // memory stays flat on a 1M-row night
      for (const m of memo.texts.values()) m.clear();
      memo.other.clear();
      memo.size = 1;
    }
    if (byText) byText.set(input.text!, coded);
    else memo.other.set(key, coded);
  }
  return coded;
}

const MEMO_LIMIT = 50_000;
/** Per index: answers by province then text (or by a key of all fields), and the run's provinces by code. */
interface Memo {
  texts: Map<string, Map<string, AddressCoding>>;
  size: number;
  other: Map<string, AddressCoding>;
  defaults: Map<string, ReadonlySet<string>>;
}
const memos = new WeakMap<GazetteerIndex, Memo>();

function codeFresh(input: AddressInput, index: GazetteerIndex, defaults: ReadonlySet<string>): AddressCoding {
  const segs = collectSegments(input, index);
  let lastUpper = -1;
  for (let i = segs.length - 1; i >= 0 && lastUpper < 0; i--) if (segs[i].level !== 'hamlet') lastUpper = i;
  const provReads: Reading<ProvinceRef>[][] = new Array(segs.length);
  for (let i = 0; i < segs.length; i++) provReads[i] = provinceReadings(segs[i], index, i === lastUpper);
  // Provinces written in full set the scope; else the run's province does.
  const scope: string[] = [];
  for (const reads of provReads) for (const r of reads) if (r.quality >= 0.97 && !scope.includes(r.ref.currentCode)) scope.push(r.ref.currentCode);
  if (scope.length === 0) for (const p of defaults) scope.push(p);
  const scopeKey = scope.length === 1 ? scope[0] : scope.join(',');
  const readings: SegmentReadings[] = new Array(segs.length);
  for (let i = 0; i < segs.length; i++) readings[i] = unitReadings(segs[i], index, scope, scopeKey, provReads[i]);
  const ranked = rankOutcomes(readings, index, defaults);
  const hamlet = hamletOf(segs, ranked[0]);
  const best = ranked[0];
  const second = ranked[1];
  const margin = second ? best.score - second.score : 1;
  const clear = best !== undefined && best.score >= MIN_SCORE && margin >= MIN_MARGIN - 1e-9;
  // Labels are for reviewers; a clear answer with a single old commune needs none (they cost more than the match).
  const candidates: AddressCandidate[] = [];
  for (let i = 0; i < ranked.length && i < (clear ? 1 : 3); i++) candidates.push(candidateOf(ranked[i], index));
  if (!best || best.score < 0.35) {
    return blank(hamlet, 'unmatched', candidates, [
      issue('address_unmatched', `Không xác định được xã/phường của địa chỉ "${describeInput(input)}"${candidates.length ? `; gần nhất: ${labels(candidates)}` : ''}`),
    ]);
  }
  if (!clear) {
    return blank(hamlet, 'ambiguous', candidates, [
      issue('address_ambiguous', `Địa chỉ "${describeInput(input)}" có thể là: ${labels(candidates)}. Cần chọn đúng xã/phường.`),
    ], best.score * 0.5);
  }
  const confidence = Math.max(0, Math.min(1, best.score)) * Math.min(1, 0.75 + margin);
  const choices = best.legacyChoices.length < 2 ? best.legacyChoices : [...best.legacyChoices].sort((a, b) => b.score - a.score);
  const legacyRef = choices.length > 0 && (choices.length === 1 || choices[0].score - choices[1].score >= MIN_MARGIN - 1e-9) ? choices[0].ref : null;
  const legacy = legacyRef ? { provinceCode: legacyRef.provinceCode, districtCode: legacyRef.districtCode, communeCode: legacyRef.code } : null;
  if (best.current === null) {
    const targets = best.splitTargets.map((code) => ({ label: describeCurrent(code, index), legacyCommuneCode: legacyRef?.code ?? null, currentCommuneCode: code, score: best.score }));
    return {
      hamlet, legacy, current: null, status: 'ambiguous', confidence: confidence * 0.5, candidates: targets.slice(0, 3),
      issues: [issue('address_commune_split', `${legacyRef ? describeLegacy(legacyRef, index) : describeInput(input)} đã được chia cho nhiều xã/phường mới: ${targets.map((t) => t.label).join('; ')}. Cần xác định theo thôn/bản.`)],
    };
  }
  const current = { provinceCode: index.currentCommunes.get(best.current)?.provinceCode ?? '', communeCode: best.current };
  if (choices.length > 1 && legacyRef === null) {
    return {
      hamlet, legacy: null, current, status: 'ambiguous', confidence: confidence * 0.5,
      candidates: choices.slice(0, 3).map((c) => ({ label: describeLegacy(c.ref, index), legacyCommuneCode: c.ref.code, currentCommuneCode: best.current, score: c.score })),
      issues: [issue('address_legacy_ambiguous', `Địa chỉ "${describeInput(input)}" thuộc ${describeCurrent(best.current, index)}, nhưng không rõ trước 1/7/2025 là: ${choices.slice(0, 3).map((c) => describeLegacy(c.ref, index)).join('; ')}.`)],
    };
  }
  return { hamlet, legacy, current, status: 'coded', confidence, candidates, issues: [] };
}

/** The address's segments; the parser's own (shared, never mutated) list when the text is all there is. */
function collectSegments(input: AddressInput, index: GazetteerIndex): readonly AddressSegment[] {
  const onlyText = !input.hamlet && !input.commune && !input.district && !input.province;
  if (onlyText) return input.text && input.text.trim() ? index.parse(input.text) : [];
  const segs: AddressSegment[] = [];
  if (input.text && input.text.trim()) segs.push(...index.parse(input.text));
  if (input.hamlet && input.hamlet.trim()) {
    // The hamlet column is a hamlet whatever its first word.
    segs.push({ level: 'hamlet', type: '', markerRaw: '', key: '', tone: '', raw: cleanText(input.hamlet), fullKey: null, brk: 'hard' });
  }
  column(segs, input.commune, 'commune', index);
  column(segs, input.district, 'district', index);
  column(segs, input.province, 'province', index);
  return segs;
}

/** A column's segments at the column's level where the words alone do not say it. */
function column(segs: AddressSegment[], value: string | undefined, level: 'commune' | 'district' | 'province', index: GazetteerIndex): void {
  if (!value || !value.trim()) return;
  for (const s of index.parse(value)) segs.push(s.level === null || (s.level === 'city' && level === 'district') ? relevel(s, level) : s);
}

/** The same object for the same segment and level, so the readings cached for it are found again. */
function relevel(s: AddressSegment, level: 'commune' | 'district' | 'province'): AddressSegment {
  let byLevel = relevelled.get(s);
  if (!byLevel) relevelled.set(s, (byLevel = {}));
  return (byLevel[level] ??= { ...s, level });
}

const relevelled = new WeakMap<AddressSegment, Partial<Record<'commune' | 'district' | 'province', AddressSegment>>>();

function defaultProvinces(index: GazetteerIndex, code: string): Set<string> {
  const out = new Set<string>();
  if (index.currentProvinces.has(code)) out.add(code);
  const legacy = index.legacyProvinces.get(code);
  if (legacy) out.add(legacy.currentCode);
  return out;
}

function hamletOf(segs: readonly AddressSegment[], best: Outcome | undefined): string | null {
  // Joined as found: most addresses have one hamlet or none, and this runs for every new one.
  let marked: string | null = null;
  for (let i = 0; i < segs.length; i++) {
    if (segs[i].level !== 'hamlet' || i === best?.segment) continue;
    const h = hamletText(segs[i]);
    if (h !== '') marked = marked === null ? h : `${marked}, ${h}`;
  }
  if (marked !== null) return marked;
  // Unmarked names left of the commune ("Co Mỵ, Thanh Minh, ĐBP") are the hamlet as written.
  if (!best) return null;
  let left: string | null = null;
  for (let i = 0; i < best.segment; i++) if (segs[i].level === null) left = left === null ? hamletText(segs[i]) : `${left}, ${hamletText(segs[i])}`;
  return left;
}

function candidateOf(o: Outcome, index: GazetteerIndex): AddressCandidate {
  const legacy = o.legacyChoices.length === 1 ? o.legacyChoices[0].ref.code : null;
  return { label: describeOutcome(o, index), legacyCommuneCode: legacy, currentCommuneCode: o.current, score: round(o.score) };
}

function blank(hamlet: string | null, status: 'ambiguous' | 'unmatched', candidates: AddressCandidate[], issues: Issue[], confidence = 0): AddressCoding {
  return { hamlet, legacy: null, current: null, status, confidence: round(confidence), candidates, issues };
}

function issue(code: string, message: string): Issue {
  return { field: 'address', code, severity: 'review', message };
}

function labels(c: AddressCandidate[]): string {
  return c.map((x) => x.label).join('; ');
}

function describeInput(input: AddressInput): string {
  return cleanText([input.text, input.hamlet, input.commune, input.district, input.province].filter((p) => p && p.trim()).join(', '));
}

function lastIndex<T>(list: T[], pred: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i])) return i;
  return -1;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
