import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import type { GazetteerUnit } from '../normalize/address/gazetteer-data.js';
import { activeGazetteer } from './active-gazetteer.js';
import { loadGazetteerFile, replaceProvinces } from './load-gazetteer-file.js';

const unit = (code: string, name: string, type: string, parent: string | null): GazetteerUnit => ({ code, name, type, parent });

describe('replaceProvinces', () => {
  it('replaces the loaded provinces and keeps the others, at every level', () => {
    const base = {
      provinces: [unit('01', 'Hà Nội', 'Thành phố', null), unit('11', 'Điện Biên', 'Tỉnh', null)],
      districts: [unit('001', 'Ba Đình', 'Quận', '01'), unit('094', 'Điện Biên Phủ', 'Thành phố', '11')],
      communes: [unit('00001', 'Phúc Xá', 'Phường', '001'), unit('03124', 'Noong Bua', 'Phường', '094')],
    };
    const loaded = {
      provinces: [unit('11', 'Điện Biên', 'Tỉnh', null)],
      districts: [unit('094', 'Điện Biên Phủ', 'Thành phố', '11')],
      communes: [unit('03124', 'Noong Bua', 'Phường', '094'), unit('03999', 'Mới', 'Phường', '094')],
    };
    const merged = replaceProvinces(base, loaded);
    expect(merged.provinces.map((p) => p.code)).toEqual(['01', '11']);
    expect(merged.districts!.map((d) => d.code)).toEqual(['001', '094']);
    expect(merged.communes.map((c) => c.code)).toEqual(['00001', '03124', '03999']);
  });
});

describe('loadGazetteerFile', () => {
  it('stores a statistics-office export as the registry gazetteer the next runs use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-gz-'));
    const csv = join(dir, 'dvhc.csv');
    writeFileSync(csv, [
      'Mã TP,Tỉnh / Thành Phố,Mã QH,Quận Huyện,Mã PX,Phường Xã,Cấp',
      '11,Tỉnh Điện Biên,94,Thành phố Điện Biên Phủ,3124,Phường Noong Bua,Phường',
      '11,Tỉnh Điện Biên,94,Thành phố Điện Biên Phủ,3127,Phường Him Lam,Phường',
    ].join('\n'));
    const db = join(dir, 'r.sqlite');
    const result = await loadGazetteerFile(db, csv);
    expect(result).toMatchObject({ kind: 'pre2025', provinces: 1, districts: 1, communes: 2 });
    const registry = await openRegistry(db);
    const active = await activeGazetteer(registry);
    await registry.close();
    expect(active.version).toBe(result.version);
    expect(active.legacy.communes.filter((c) => c.parent === '094').map((c) => c.code)).toEqual(['03124', '03127']);
    expect(active.legacy.communes.some((c) => c.code === '00001')).toBe(true); // Hà Nội kept
  });

  it('refuses a file that is not a list of administrative units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-gz-'));
    const csv = join(dir, 'ds.csv');
    writeFileSync(csv, 'Họ và tên,Năm sinh\nLò Văn Pánh,1968\n');
    await expect(loadGazetteerFile(join(dir, 'r.sqlite'), csv)).rejects.toThrow(UsageError);
  });
});
