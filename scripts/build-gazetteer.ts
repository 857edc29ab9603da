/**
 * Builds the project's gazetteer from /work/shared/reference/admin-units (see that README for the traps):
 *
 * - data/gazetteer/vn-2025.json ← units_pre2025.csv (thanglequoc/vietnamese-provinces-database v2.4.1, MIT),
 *   provinces_2025.csv + wards_2025.csv (same repository, commit cd580632, MIT),
 *   ward_mapping_2025.csv (dvhcvn/20250701 commit dd94887, MIT), province_mapping_2025.csv.
 * - src/normalize/address/tcvn3-fold.ts ← the TCVN3 column of src/ingest/legacy-encoding-tables.ts, so the
 *   pure matcher can read TCVN3 residue without importing ingest.
 *
 * The product never reads ../shared at run time. Re-run after the reference changes:
 *   node --import tsx scripts/build-gazetteer.ts [referenceDir]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { VIETNAMESE_LETTERS } from '../src/ingest/legacy-encoding-tables.js';
import type { GazetteerData, GazetteerUnit, CommuneLink } from '../src/normalize/address/gazetteer-data.js';
import { foldKey } from '../src/normalize/vietnamese-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const refDir = process.argv[2] ?? join(here, '../../shared/reference/admin-units');
const outJson = join(here, '../data/gazetteer/vn-2025.json');
const outFold = join(here, '../src/normalize/address/tcvn3-fold.ts');

/** Codes the mapping writes differently from the post-2025 list (README: Công văn 1027 vs QĐ 19/2025). */
const NEW_CODE_FIXES: Record<string, string> = { '06970': '06978', '23737': '23938' };

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(refDir, name), 'utf8').normalize('NFC');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0].message}`);
  return parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.trim(), (v ?? '').trim()])));
}

function need(cond: boolean, msg: string): void {
  if (!cond) throw new Error(msg);
}

function buildData(): GazetteerData {
  const pre = readCsv('units_pre2025.csv');
  const lp = new Map<string, GazetteerUnit>();
  const ld = new Map<string, GazetteerUnit>();
  const lc: GazetteerUnit[] = [];
  for (const r of pre) {
    if (!lp.has(r.province_code)) lp.set(r.province_code, { code: r.province_code, name: r.province_name, type: r.province_type, parent: null });
    if (!ld.has(r.district_code)) ld.set(r.district_code, { code: r.district_code, name: r.district_name, type: r.district_type, parent: r.province_code });
    if (r.ward_code) lc.push({ code: r.ward_code, name: r.ward_name, type: r.ward_type, parent: r.district_code });
  }
  need(lp.size === 63 && ld.size === 696 && lc.length === 10035, `pre-2025 counts ${lp.size}/${ld.size}/${lc.length}`);

  const cp = readCsv('provinces_2025.csv').map((r): GazetteerUnit => ({ code: r.province_code, name: r.name, type: r.type, parent: null }));
  const cc = readCsv('wards_2025.csv').map((r): GazetteerUnit => ({ code: r.ward_code, name: r.name, type: r.type, parent: r.province_code }));
  need(cp.length === 34 && cc.length === 3321, `post-2025 counts ${cp.length}/${cc.length}`);
  const currentCodes = new Set(cc.map((u) => u.code));

  const communeMap: CommuneLink[] = readCsv('ward_mapping_2025.csv').map((r) => {
    const to = NEW_CODE_FIXES[r.new_ward_code] ?? r.new_ward_code;
    need(currentCodes.has(to), `mapping target ${to} not in wards_2025.csv`);
    need(r.coverage === 'full' || r.coverage === 'partial', `coverage ${r.coverage}`);
    return { from: r.old_ward_code, to, coverage: r.coverage as 'full' | 'partial' };
  });
  const provinceMap = readCsv('province_mapping_2025.csv').map((r) => ({ from: r.old_province_code, to: r.new_province_code }));
  need(provinceMap.length === 63, 'province mapping rows');

  return {
    version: 'gso-2025-07+thanglequoc-v2.4.1+cd580632+dvhcvn-dd94887',
    sources: [
      'Danh mục trước 1/7/2025: thanglequoc/vietnamese-provinces-database tag v2.4.1 (MIT, © 2021 Thang Le Quoc)',
      'Danh mục sau 1/7/2025: thanglequoc/vietnamese-provinces-database commit cd580632 (MIT)',
      'Bảng chuyển đổi xã cũ → xã mới: dvhcvn/20250701 commit dd94887 (MIT, © 2025 dvhcvn); mã 06970→06978, 23737→23938',
    ],
    legacy: { provinces: [...lp.values()], districts: [...ld.values()], communes: lc },
    current: { provinces: cp, communes: cc },
    communeMap,
    provinceMap,
  };
}

/**
 * TCVN3 characters (cp1252 view) → the plain letter they stand for. Some of them are Vietnamese letters
 * themselves (TCVN3 writes "ờ" as "ê"), so the matcher only folds a text this way when it carries one of
 * the HINT characters, which never occur in Unicode Vietnamese.
 */
function buildTcvn3Fold(): string {
  const vietnamese = new Set(VIETNAMESE_LETTERS.map((l) => l.unicode.toLowerCase()));
  const fold = new Map<string, string>();
  for (const l of VIETNAMESE_LETTERS) {
    for (const ch of l.tcvn3) {
      if (ch.charCodeAt(0) < 128) continue;
      const base = foldKey(l.unicode);
      const prev = fold.get(ch);
      if (prev !== undefined && prev !== base) throw new Error(`TCVN3 ${ch}: ${prev} vs ${base}`);
      fold.set(ch, base);
    }
  }
  const entries = [...fold].sort(([a], [b]) => a.charCodeAt(0) - b.charCodeAt(0));
  const esc = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const body = entries.map(([ch, base]) => `  ['${esc(ch)}', '${base}'],`).join('\n');
  // The soft hyphen (TCVN3 ư) is common junk in Unicode text and Ð comes out of other bad conversions as Đ: no hints alone.
  const hints = entries.filter(([ch]) => !vietnamese.has(ch.toLowerCase()) && ch !== '\u00AD' && ch !== '\u00D0').map(([ch]) => esc(ch)).join('');
  return `/**
 * GENERATED by scripts/build-gazetteer.ts — do not edit by hand.
 * Source: the TCVN3 column of src/ingest/legacy-encoding-tables.ts (from /work/shared/reference/encodings).
 *
 * TCVN3 letters as a spreadsheet shows them when the font was lost (cp1252 view), with the plain letter they
 * stand for, so the address matcher reads "X· Thanh X­¬ng" as "xa thanh xuong" when the reader did not
 * repair the cell. Several of them are Vietnamese letters too ("ê" is TCVN3 "ờ"): fold a text only when it
 * contains one of TCVN3_HINTS, which Unicode Vietnamese never uses.
 */
export const TCVN3_FOLD: ReadonlyMap<string, string> = new Map([
${body}
]);

/** Characters that only appear in TCVN3 residue (not Vietnamese letters, not the soft hyphen). */
export const TCVN3_HINTS = '${hints}';
`;
}

const data = buildData();
mkdirSync(dirname(outJson), { recursive: true });
writeFileSync(outJson, JSON.stringify(data));
writeFileSync(outFold, buildTcvn3Fold());
console.log(`wrote ${outJson} (${data.legacy.communes.length} old communes, ${data.current.communes.length} new, ${data.communeMap.length} links)`);
