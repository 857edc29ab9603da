import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { TCVN3_TO_UNICODE, VNI_TO_UNICODE } from '../../src/ingest/legacy-encoding-tables.js';
import { generateFileSet } from './generate-file-set.js';
import { properCase } from './written-forms.js';
import type { Truth, TruthRecord } from './truth.js';

function decode(bytes: Buffer, encoding: string): string {
  if (encoding === 'utf16le-bom') return bytes.subarray(2).toString('utf16le');
  if (encoding.startsWith('utf8')) return bytes.toString('utf8').replace(/^\ufeff/, '');
  if (encoding === 'cp1258') return iconv.decode(bytes, 'windows-1258').normalize('NFC');
  const latin = bytes.toString('latin1');
  if (encoding === 'tcvn3') return [...latin].map((c) => TCVN3_TO_UNICODE[c] ?? c).join('');
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const hit = VNI_TO_UNICODE.find(([k]) => latin.startsWith(k, i));
    out += hit ? hit[1] : latin[i];
    i += hit ? hit[0].length : 1;
  }
  return out;
}

/** The record's own line/row must show its ID or its name (case-insensitively). */
function rowShows(text: string, r: TruthRecord): boolean {
  if (r.expected.personal_id && text.includes(r.expected.personal_id)) return true;
  if (r.expected.personal_id && text.includes(r.expected.personal_id.replace(/^0+/, ''))) return true;
  if (r.expected.full_name) return properCase(text.replace(/[,;\t"|]/g, ' ')).includes(r.expected.full_name);
  return false;
}

describe('generateFileSet', async () => {
  const set = await generateFileSet({ seed: 11, persons: 600, format: 'mixed', flawRates: { missing_name: 0.02, date_impossible: 0.02, personal_id_sex_mismatch: 0.02, extra_spaces: 0.02, unaccented: 0.02 }, supplementRate: 0.5 });
  const byName = new Map(set.files.map((f) => [f.name, f.bytes]));

  it('gives the same bytes for the same seed', async () => {
    const again = await generateFileSet({ seed: 11, persons: 600, format: 'mixed', flawRates: { missing_name: 0.02, date_impossible: 0.02, personal_id_sex_mismatch: 0.02, extra_spaces: 0.02, unaccented: 0.02 }, supplementRate: 0.5 });
    expect(again.files.map((f) => f.name)).toEqual(set.files.map((f) => f.name));
    again.files.forEach((f, i) => expect(f.bytes.equals(set.files[i].bytes)).toBe(true));
  });

  it('accounts for every person and every outcome', () => {
    expect(set.truth.persons).toBe(600);
    expect(new Set(set.truth.records.map((r) => r.person_key)).size).toBe(600);
    for (const r of set.truth.records.filter((x) => x.outcome === 'merged')) {
      const first = set.truth.records.find((x) => x.record_id === r.duplicate_of)!;
      expect(first.person_key).toBe(r.person_key);
      expect(first.locator.file).not.toBe(r.locator.file);
    }
    expect(new Set(set.truth.records.map((r) => r.outcome))).toEqual(new Set(['new', 'merged', 'rejected', 'flagged']));
  });

  it('points CSV truth rows at the right lines', () => {
    const csvFiles = set.truth.files.filter((f) => f.format === 'csv');
    expect(csvFiles.length).toBeGreaterThan(0);
    for (const f of csvFiles) {
      const lines = decode(byName.get(f.file)!, f.encoding).split(/\r?\n/);
      for (const r of set.truth.records.filter((x) => x.locator.file === f.file && (x.expected.full_name || x.expected.personal_id)))
        expect(rowShows(lines[r.locator.row! - 1], r), `${f.file}:${r.locator.row}`).toBe(true);
    }
  });

  it('points XLSX truth rows at the right rows of Unicode sheets', async () => {
    for (const f of set.truth.files.filter((x) => x.format === 'xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(byName.get(f.file)! as unknown as ArrayBuffer);
      for (const s of f.sheets.filter((x) => x.layout.includes('xlsx unicode'))) {
        const ws = wb.getWorksheet(s.name!)!;
        for (const r of set.truth.records.filter((x) => x.locator.file === f.file && x.locator.sheet === s.name && (x.expected.full_name || x.expected.personal_id))) {
          const text = (ws.getRow(r.locator.row!).values as unknown[]).map((v) => String(v ?? '')).join('|');
          expect(rowShows(text, r), `${f.file}/${s.name}:${r.locator.row}`).toBe(true);
        }
      }
    }
  });
});

describe('committed fixtures', () => {
  it('are what scripts/generate-fixtures.ts writes today', () => {
    const out = mkdtempSync(join(tmpdir(), 'fixtures-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-fixtures.ts', out], { cwd: join(import.meta.dirname, '../..') });
    const committed = join(import.meta.dirname, '../../fixtures/spreadsheets');
    const names = readdirSync(join(out, 'inbox')).sort();
    expect(readdirSync(join(committed, 'inbox')).sort()).toEqual(names);
    for (const n of ['truth.json', ...names.map((name) => join('inbox', name))]) {
      expect(readFileSync(join(out, n)).equals(readFileSync(join(committed, n))), n).toBe(true);
    }
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as Truth;
    expect(truth.records.length).toBeGreaterThan(150);
  });
});
