import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { saveGazetteer } from '../db/gazetteer-store.js';
import { openRegistry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import { readCsvGrid } from '../ingest/csv-reader.js';
import { parseGazetteerExport } from '../ingest/gazetteer-file.js';
import type { Grid } from '../ingest/source-record.js';
import { readXlsxGrids } from '../ingest/xlsx-reader.js';
import type { GazetteerData, GazetteerUnit } from '../normalize/address/gazetteer-data.js';
import { activeGazetteer } from './active-gazetteer.js';

export interface GazetteerLoadResult {
  version: string;
  kind: 'pre2025' | 'post2025';
  provinces: number;
  districts: number;
  communes: number;
}

type UnitList = { provinces: GazetteerUnit[]; districts?: GazetteerUnit[]; communes: GazetteerUnit[] };

/**
 * A province's office usually exports only its own province: the provinces in the file replace ours, the others stay.
 */
export function replaceProvinces<L extends UnitList>(base: L, loaded: L): L {
  const provinces = new Set(loaded.provinces.map((p) => p.code));
  const keptDistricts = (base.districts ?? []).filter((d) => !provinces.has(d.parent ?? ''));
  const districtProvince = new Map((base.districts ?? []).map((d) => [d.code, d.parent]));
  // Legacy communes hang under districts, current ones directly under provinces.
  const provinceOf = (commune: GazetteerUnit) => (base.districts ? districtProvince.get(commune.parent ?? '') : commune.parent) ?? '';
  return {
    ...base,
    provinces: [...base.provinces.filter((p) => !provinces.has(p.code)), ...loaded.provinces],
    ...(base.districts ? { districts: [...keptDistricts, ...(loaded.districts ?? [])] } : {}),
    communes: [...base.communes.filter((c) => !provinces.has(provinceOf(c))), ...loaded.communes],
  };
}

async function gridsOf(path: string, bytes: Buffer): Promise<Grid[]> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx' || extension === '.xls') return readXlsxGrids(bytes);
  return [readCsvGrid(bytes).grid];
}

/**
 * `hokhau gazetteer load <file>`: reads the statistics office's export of administrative units (CSV or XLSX, the
 * pre-2025 three-level list or the post-2025 two-level list), puts its provinces in place of ours in that list of the
 * registry's active gazetteer (keeping the other provinces, the other list and the old→new mapping) and stores it as
 * a new version; the next runs code with it and record its version.
 *
 * @example
 * const { version, communes } = await loadGazetteerFile('data/registry.sqlite', 'danh-muc-dvhc-2026.xlsx');
 */
export async function loadGazetteerFile(dbUrl: string, path: string): Promise<GazetteerLoadResult> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`Không đọc được tệp danh mục: ${path} (cannot read the file)`);
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { result, errors } = parseGazetteerExport(await gridsOf(path, bytes));
  if (!result) throw new UsageError(`Tệp ${basename(path)} không phải danh mục đơn vị hành chính: ${errors.join('; ')}`);

  const registry = await openRegistry(dbUrl);
  try {
    const base = await activeGazetteer(registry);
    const version = `${result.kind}-${sha256.slice(0, 12)}`;
    const loadedAt = new Date().toISOString();
    const data: GazetteerData = {
      ...base,
      ...(result.kind === 'pre2025'
        ? { legacy: replaceProvinces(base.legacy, result.legacy) }
        : { current: replaceProvinces(base.current, result.current) }),
      version,
      sources: [...base.sources, `Tải lên ${loadedAt.slice(0, 10)}: ${basename(path)} (sha256 ${sha256.slice(0, 12)})`],
    };
    await saveGazetteer(registry.db, { version, loadedAt, sourceFile: basename(path), sha256, dataJson: JSON.stringify(data) });
    const list = result.kind === 'pre2025' ? result.legacy : result.current;
    return {
      version, kind: result.kind, provinces: list.provinces.length,
      districts: result.kind === 'pre2025' ? result.legacy.districts.length : 0, communes: list.communes.length,
    };
  } finally {
    await registry.close();
  }
}
