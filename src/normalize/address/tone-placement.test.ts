import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGazetteerIndex } from './gazetteer-index.js';
import { codeAddress } from './code-address.js';
import type { GazetteerData } from './gazetteer-data.js';

const data = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/gazetteer/vn-2025.json', import.meta.url)), 'utf8')) as GazetteerData;
const index = buildGazetteerIndex(data);
// The reference file of spelling differences (193 of 205 are tone placement); a few rows inline so the test
// runs without ../shared as well.
const refFile = fileURLToPath(new URL('../../../../shared/reference/admin-units/wards_2025_name_changes.csv', import.meta.url));
const rows: [string, string, string][] = existsSync(refFile)
  ? readFileSync(refFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[1] === 'ward').map((c) => [c[0], c[2], c[3]])
  : [['00175', 'Phường Yên Hòa', 'Phường Yên Hoà'], ['00928', 'Xã Thanh Thủy', 'Xã Thanh Thuỷ'], ['05353', 'Xã Yên Thủy', 'Xã Yên Thuỷ']];

describe('tone placement: both spellings of a post-2025 name reach the same code', () => {
  it(`${rows.length} wards`, () => {
    const wrong: string[] = [];
    let coded = 0;
    for (const [codeWanted, before, after] of rows) {
      const province = index.currentCommunes.get(codeWanted)?.provinceCode ?? '';
      for (const text of [before, after]) {
        const r = codeAddress({ text }, index, { defaultProvinceCode: province });
        if (r.status === 'coded') {
          coded++;
          if (r.current?.communeCode !== codeWanted) wrong.push(`${text} → ${r.current?.communeCode}`);
        }
      }
      const a = codeAddress({ text: before }, index, { defaultProvinceCode: province });
      const b = codeAddress({ text: after }, index, { defaultProvinceCode: province });
      if (a.status !== b.status) wrong.push(`${before} ${a.status} ≠ ${after} ${b.status}`);
    }
    expect(wrong).toEqual([]);
    expect(coded).toBeGreaterThan(rows.length); // most are coded outright; the rest go to review, never wrong
  });
});
