import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGazetteerIndex } from './gazetteer-index.js';
import type { GazetteerData } from './gazetteer-data.js';

const data = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/gazetteer/vn-2025.json', import.meta.url)), 'utf8')) as GazetteerData;
const index = buildGazetteerIndex(data);
const provinces = [...index.currentProvinces.keys()];

describe('gazetteer index: units of a name within one province', () => {
  // Names that repeat across the country, a district's name, and one no unit has.
  it.each(['tanthanh', 'quangtrung', 'thanhxuong', 'dienbien', 'muongnhe', 'hoankiem', 'khongcoten'])('%s: the country list filtered, in its order', (key) => {
    for (const p of provinces) {
      const communes = (index.communesByKey.get(key) ?? []).filter((c) => c.currentProvinceCode === p);
      const districts = (index.districtsByKey.get(key) ?? []).filter((d) => d.currentProvinceCode === p);
      expect(index.communesIn(key, p) ?? [], `${key} in ${p}`).toEqual(communes);
      expect(index.districtsIn(key, p) ?? [], `${key} in ${p}`).toEqual(districts);
    }
  });

  it('finds a repeated name only where it is', () => {
    const inDienBien = index.communesIn('thanhxuong', '11') ?? [];
    expect(inDienBien.length).toBeGreaterThan(0);
    expect(inDienBien.every((c) => c.currentProvinceCode === '11')).toBe(true);
    expect(index.communesIn('thanhxuong', '79')).toBeUndefined();
  });
});
