/**
 * Seeded generator of addresses as clerks write them, with their truth, for `npm run bench:address`.
 * Varieties: full names, abbreviations (X./P./TT./H./TX./TP./T.), dashes, no commas, no unit words,
 * no diacritics, capitals, TCVN3 residue, ĐBP shorthands, "P.01", typos, post-2025 names, spreadsheet columns.
 */
import type { GazetteerData, GazetteerUnit } from '../../src/normalize/address/gazetteer-data.js';
import type { AddressInput } from '../../src/normalize/address/code-address.js';
import { unitKey } from '../../src/normalize/address/address-tokens.js';
import { foldKey } from '../../src/normalize/vietnamese-text.js';
import { VIETNAMESE_LETTERS } from '../../src/ingest/legacy-encoding-tables.js';

export interface BenchAddress {
  input: AddressInput;
  defaultProvinceCode: string;
  variety: string;
  /** Current commune code of the place; null when the old commune was split (only review is right). */
  truthCurrent: string | null;
  /** Whether the address as written decides the commune (else the right answer is review). */
  decidable: boolean;
}

const PROVINCES: [string, number][] = [['11', 0.5], ['01', 0.12], ['38', 0.12], ['12', 0.1], ['14', 0.1], ['79', 0.06]];
const HAMLETS = ['Bản Na Ngam', 'Bản Noong Bua', 'Tổ 5', 'Thôn 3', 'Đội 10', 'Xóm Mới', 'Tổ dân phố 2', 'Khối 7', 'Bản Co Mỵ', 'Thôn Đông', 'Bản Huổi Phạ'];
const ABBR: Record<string, string> = { 'Xã': 'X.', 'Phường': 'P.', 'Thị trấn': 'TT.', 'Huyện': 'H.', 'Quận': 'Q.', 'Thị xã': 'TX.', 'Thành phố': 'TP.', 'Tỉnh': 'T.', 'Đặc khu': 'Đặc khu' };
const TCVN3 = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l.tcvn3]));

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAddresses(data: GazetteerData, count: number, seed = 20250701): BenchAddress[] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const districts = new Map(data.legacy.districts.map((d) => [d.code, d]));
  const lprov = new Map(data.legacy.provinces.map((p) => [p.code, p]));
  const cprov = new Map(data.current.provinces.map((p) => [p.code, p]));
  const links = new Map<string, string[]>();
  for (const l of data.communeMap) links.set(l.from, [...(links.get(l.from) ?? []), l.to]);
  const provinceOf = (c: GazetteerUnit) => districts.get(c.parent!)!.parent!;
  const toNew = new Map(data.provinceMap.map((m) => [m.from, m.to]));
  // Outcomes reachable from each name key within a current province: decides what is decidable.
  const outcomes = new Map<string, Set<string>>();
  const addOutcome = (k: string, o: string) => outcomes.set(k, new Set([...(outcomes.get(k) ?? []), o]));
  for (const c of data.legacy.communes) {
    const l = links.get(c.code) ?? [];
    addOutcome(`${toNew.get(provinceOf(c))}:${unitKey(c.name)}`, l.length === 1 ? l[0] : `split:${c.code}`);
  }
  for (const c of data.current.communes) addOutcome(`${c.parent}:${unitKey(c.name)}`, c.code);
  const perDistrict = new Map<string, number>();
  for (const c of data.legacy.communes) perDistrict.set(`${c.parent}:${unitKey(c.name)}`, (perDistrict.get(`${c.parent}:${unitKey(c.name)}`) ?? 0) + 1);
  const provinceKeys = new Set([...data.legacy.provinces, ...data.current.provinces].map((p) => unitKey(p.name)));
  const allKeys = new Set([...data.legacy.communes, ...data.current.communes].map((c) => unitKey(c.name)));

  const out: BenchAddress[] = [];
  while (out.length < count) {
    let r = rand();
    const province = PROVINCES.find(([, w]) => (r -= w) < 0)?.[0] ?? '11';
    const hamlet = rand() < 0.6 ? pick(HAMLETS) : '';
    const post = rand() < 0.2;
    if (post) {
      const c = pick(data.current.communes.filter((x) => x.parent === toNew.get(province)));
      const p = cprov.get(c.parent!)!;
      const style = pick(['post-full', 'post-abbr', 'post-bare']);
      const unit = `${c.type} ${c.name}`;
      const text =
        style === 'post-full' ? join(hamlet, unit, `${p.type} ${p.name}`) : style === 'post-abbr' ? join(hamlet, `${ABBR[c.type]} ${c.name}`, `T. ${p.name}`) : join(hamlet, unit);
      const decidable = (outcomes.get(`${c.parent}:${unitKey(c.name)}`)?.size ?? 0) === 1;
      out.push(finish({ input: { text }, defaultProvinceCode: province, variety: style, truthCurrent: c.code, decidable }, rand));
      continue;
    }
    const c = pick(data.legacy.communes.filter((x) => provinceOf(x) === province));
    const d = districts.get(c.parent!)!;
    const p = lprov.get(province)!;
    const l = links.get(c.code) ?? [];
    const truthCurrent = l.length === 1 ? l[0] : null;
    const uniqueInDistrict = perDistrict.get(`${d.code}:${unitKey(c.name)}`) === 1;
    const uniqueInProvince = (outcomes.get(`${toNew.get(province)}:${unitKey(c.name)}`)?.size ?? 0) === 1;
    let cn = c.name;
    let dn = d.name;
    const style = pick(['full', 'abbr', 'dash', 'no-commas', 'no-unit-words', 'commune-only', 'columns', 'typo', 'numbered']);
    if (style === 'typo') {
      const typo = makeTypo(cn, rand);
      if (typo === null || allKeys.has(unitKey(typo))) continue;
      cn = typo;
    }
    if (province === '11' && d.code === '094' && rand() < 0.5) dn = pick(['ĐBP', 'Điện Biên Phủ']);
    const dAbbr = dn === 'ĐBP' ? pick(['TP', 'TP.', 'Tp']) : ABBR[d.type];
    let input: AddressInput;
    let decidable = uniqueInDistrict;
    switch (style) {
      case 'full':
      case 'typo':
        input = { text: join(hamlet, `${c.type} ${cn}`, `${d.type} ${dn}`, `${p.type} ${p.name}`) };
        break;
      case 'abbr':
        input = { text: join(hamlet, `${ABBR[c.type]} ${cn}`, `${dAbbr}${dAbbr.endsWith('.') ? '' : ' '}${dn}`, rand() < 0.5 ? `T. ${p.name}` : '') };
        break;
      case 'dash':
        input = { text: `${c.type} ${cn} - ${dAbbr} ${dn}` };
        break;
      case 'no-commas':
        input = { text: [hamlet.toLowerCase(), `${c.type.toLowerCase()} ${cn}`, `${d.type.toLowerCase()} ${dn}`].filter(Boolean).join(' ') };
        break;
      case 'no-unit-words':
        input = { text: join(hamlet, cn, dn) };
        // Without unit words a district named like its province ("Điện Biên") may be either.
        decidable = uniqueInProvince || (uniqueInDistrict && !provinceKeys.has(unitKey(dn)));
        break;
      case 'commune-only':
        input = { text: hamlet ? `${hamlet} ${cn}` : `${c.type} ${cn}` };
        decidable = uniqueInProvince;
        break;
      case 'numbered':
        input = { text: join(hamlet, `${ABBR[c.type]}${/^\d+$/.test(cn) ? cn.padStart(2, '0') : ' ' + cn}`, `${dAbbr} ${dn}`) };
        break;
      default:
        input = { hamlet, commune: cn, district: `${d.type} ${dn}`, province: p.name };
    }
    if (style === 'columns') input = { hamlet: hamlet || undefined, commune: cn, district: `${d.type} ${dn}`, province: p.name };
    out.push(finish({ input, defaultProvinceCode: province, variety: style, truthCurrent, decidable }, rand));
  }
  return out;
}

/** Applies one of the spelling conditions to the free text: none, no diacritics, capitals, TCVN3 residue. */
function finish(a: BenchAddress, rand: () => number): BenchAddress {
  const r = rand();
  const f = r < 0.2 ? (s: string) => foldKey(s).replace(/\b\w/g, (m) => m.toUpperCase()) : r < 0.35 ? (s: string) => s.toUpperCase() : r < 0.45 ? tcvn3 : null;
  if (f === null || !a.input.text) return a;
  const name = r < 0.2 ? 'no-diacritics' : r < 0.35 ? 'capitals' : 'tcvn3';
  return { ...a, input: { text: f(a.input.text) }, variety: `${a.variety}+${name}` };
}

function tcvn3(s: string): string {
  return [...s.normalize('NFC')].map((ch) => TCVN3.get(ch) ?? ch).join('');
}

function makeTypo(name: string, rand: () => number): string | null {
  const letters = [...name];
  if (unitKey(name).length < 6) return null;
  const i = 1 + Math.floor(rand() * (letters.length - 2));
  if (letters[i] === ' ' || letters[i + 1] === ' ') return null;
  return rand() < 0.5 ? [...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join('') : [...letters.slice(0, i), ...letters.slice(i + 1)].join('');
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}
