/**
 * Reads the statistics office's standard export of administrative units (CSV/XLSX already turned into
 * grids by readCsvGrid / readXlsxGrids) for `hokhau gazetteer load`. Two shapes exist:
 * - before 2025, three levels: "Mã TP", "Tỉnh / Thành Phố", "Mã QH", "Quận Huyện", "Mã PX", "Phường Xã", "Cấp";
 * - after 2025, two levels: "Mã tỉnh", "Tên tỉnh", "Mã xã", "Tên xã" (and often "Cấp" or "Loại").
 * Which one it is follows from the columns: a district column means the pre-2025 list.
 * Codes stay strings, with the leading zeros spreadsheets drop put back (2/3/5 digits).
 */
import type { Grid } from './source-record.js';
import type { GazetteerData, GazetteerUnit } from '../normalize/address/gazetteer-data.js';
import { foldHeaderCore } from './header-fold.js';

export type GazetteerExport =
  | { kind: 'pre2025'; legacy: GazetteerData['legacy'] }
  | { kind: 'post2025'; current: GazetteerData['current'] };

type Col = 'provinceCode' | 'provinceName' | 'districtCode' | 'districtName' | 'communeCode' | 'communeName' | 'level';

/** Folded header wordings per meaning; the first matching column wins. */
const CUES: [Col, RegExp][] = [
  ['provinceCode', /^ma (tp|tinh|tinh tp|tinh thanh pho|t tp)$/],
  ['districtCode', /^ma (qh|quan huyen|huyen|quan|qh tx)$/],
  ['communeCode', /^ma (px|phuong xa|xa|xa phuong|dvhc|don vi hanh chinh)$/],
  ['provinceName', /^(ten )?(tinh thanh pho|tinh tp|thanh pho tinh|tinh)$/],
  ['districtName', /^(ten )?(quan huyen|huyen|quan huyen thi xa)$/],
  ['communeName', /^(ten )?(phuong xa|xa|xa phuong|phuong xa thi tran|don vi hanh chinh)$/],
  ['level', /^(cap|loai|cap hanh chinh)$/],
];
const WIDTH = { provinceCode: 2, districtCode: 3, communeCode: 5 } as const;
const LABEL: Record<Col, string> = {
  provinceCode: 'Mã tỉnh (Mã TP)', provinceName: 'Tên tỉnh (Tỉnh / Thành Phố)', districtCode: 'Mã huyện (Mã QH)',
  districtName: 'Tên huyện (Quận Huyện)', communeCode: 'Mã xã (Mã PX)', communeName: 'Tên xã (Phường Xã)', level: 'Cấp',
};
const TYPE_PREFIX = /^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Thị trấn|Phường|Xã|Đặc khu)\s+/iu;

/**
 * @example
 * const { result, errors } = parseGazetteerExport([readCsvGrid(bytes).grid]);
 * if (result?.kind === 'pre2025') result.legacy.communes.length; // 10035
 */
export function parseGazetteerExport(grids: Grid[]): { result: GazetteerExport | null; errors: string[] } {
  const errors: string[] = [];
  for (const grid of grids) {
    const found = findHeader(grid);
    if (!found) continue;
    const { row, cols } = found;
    const pre = cols.districtCode !== undefined || cols.districtName !== undefined;
    const needed: Col[] = pre
      ? ['provinceCode', 'provinceName', 'districtCode', 'districtName', 'communeCode', 'communeName']
      : ['provinceCode', 'provinceName', 'communeCode', 'communeName'];
    const missing = needed.filter((c) => cols[c] === undefined);
    if (missing.length > 0) {
      errors.push(`Trang "${grid.sheet ?? 'CSV'}": thiếu cột ${missing.map((c) => LABEL[c]).join(', ')}.`);
      continue;
    }
    const provinces = new Map<string, GazetteerUnit>();
    const districts = new Map<string, GazetteerUnit>();
    const communes: GazetteerUnit[] = [];
    for (const r of grid.rows.slice(row + 1)) {
      const cell = (c: Col) => (cols[c] === undefined ? '' : (r.cells[cols[c]!] ?? '').trim());
      if (needed.every((c) => cell(c) === '')) continue;
      const code = (c: 'provinceCode' | 'districtCode' | 'communeCode') => {
        const v = cell(c).replace(/\.0+$/, '');
        if (v === '' && c === 'communeCode') return ''; // island districts have no communes
        if (!/^\d+$/.test(v) || v.length > WIDTH[c]) {
          errors.push(`Dòng ${r.rowNumber}: ${LABEL[c]} "${cell(c)}" không phải mã ${WIDTH[c]} chữ số.`);
          return null;
        }
        return v.padStart(WIDTH[c], '0');
      };
      const p = code('provinceCode');
      const d = pre ? code('districtCode') : '';
      const c = code('communeCode');
      if (p === null || d === null || c === null) continue;
      if (!provinces.has(p)) provinces.set(p, unit(p, cell('provinceName'), '', null));
      if (pre && !districts.has(d)) districts.set(d, unit(d, cell('districtName'), '', p));
      if (c !== '') communes.push(unit(c, cell('communeName'), cell('level'), pre ? d : p));
    }
    if (communes.length === 0) {
      errors.push(`Trang "${grid.sheet ?? 'CSV'}": không có dòng đơn vị hành chính nào.`);
      continue;
    }
    if (errors.length > 0) return { result: null, errors };
    const result: GazetteerExport = pre
      ? { kind: 'pre2025', legacy: { provinces: [...provinces.values()], districts: [...districts.values()], communes } }
      : { kind: 'post2025', current: { provinces: [...provinces.values()], communes } };
    return { result, errors };
  }
  if (errors.length === 0) errors.push('Không tìm thấy dòng tiêu đề có cột Mã xã (Mã PX) và Tên xã (Phường Xã) trong tệp danh mục.');
  return { result: null, errors };
}

function findHeader(grid: Grid): { row: number; cols: Partial<Record<Col, number>> } | null {
  for (let i = 0; i < Math.min(grid.rows.length, 15); i++) {
    const cols: Partial<Record<Col, number>> = {};
    grid.rows[i].cells.forEach((text, j) => {
      const key = foldHeaderCore(text);
      const hit = CUES.find(([col, re]) => cols[col] === undefined && re.test(key));
      if (hit) cols[hit[0]] = j;
    });
    if (cols.communeCode !== undefined || cols.communeName !== undefined) return { row: i, cols };
  }
  return null;
}

/** "Xã Thanh Xương" → name 'Thanh Xương', type 'Xã' (the "Cấp" column, when present, gives the type). */
function unit(code: string, full: string, level: string, parent: string | null): GazetteerUnit {
  const m = TYPE_PREFIX.exec(full);
  const type = level !== '' ? capitalize(level) : m ? capitalize(m[1]) : '';
  const name = m ? full.slice(m[0].length).trim() : full;
  return { code, name, type, parent };
}

function capitalize(s: string): string {
  const t = s.trim().toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
