/**
 * Writes the small committed fixtures in fixtures/spreadsheets/ (8 files, 10–40 persons each) and their
 * truth.json. Each file is pinned to the encoding and layout it exists to exercise (see the README there);
 * everything else comes from the seeded generator, so the bytes are the same on every run.
 *
 *   node --import tsx scripts/generate-fixtures.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './synthetic/prng.js';
import { generateHouseholds, type SyntheticHousehold } from './synthetic/people.js';
import { chooseLayout, type BirthColumns, type Layout } from './synthetic/layout.js';
import type { SheetEntry } from './synthetic/render-sheet.js';
import { emitCsv, emitXlsx } from './synthetic/file-writers.js';
import { TruthBuilder, truthToJson } from './synthetic/truth-builder.js';
import { slug } from './synthetic/generate-file-set.js';
import type { Flaw } from './synthetic/truth.js';

const SEED = 20240315;
const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ?? join(here, '../fixtures/spreadsheets');

const households = generateHouseholds(SEED, 260);
const rng = new Rng(SEED);
let next = 0;
/** Takes whole households until about `persons` members. */
function take(persons: number): SyntheticHousehold[] {
  const out: SyntheticHousehold[] = [];
  let n = 0;
  while (n < persons && next < households.length) {
    const h = households[next++];
    out.push(h);
    n += h.members.length;
  }
  return out;
}

/** Entries with the given flaws put on the first members they apply to, one flaw per member. */
function withFlaws(hs: SyntheticHousehold[], flaws: Flaw[]): SheetEntry[] {
  const entries = hs.map((household) => ({ household, flaws: household.members.map((): Flaw[] => []) }));
  const pending = [...flaws];
  for (const e of entries)
    e.household.members.forEach((p, i) => {
      if (pending.length === 0 || e.flaws[i].length > 0 || i === 0) return;
      if (pending[0] === 'personal_id_sex_mismatch' && p.personalId === null) return;
      if (pending[0] === 'date_impossible' && p.birthDate.length < 10) return;
      e.flaws[i] = [pending.shift()!];
    });
  if (pending.length > 0) throw new Error(`could not place flaws ${pending.join(', ')}`);
  return entries;
}

function layoutFor(hs: SyntheticHousehold[], birth: BirthColumns, over: Partial<Layout>, opts: { noNameColumn?: boolean; address?: 'none' | 'one' | 'split' } = {}): Layout {
  const a = hs[0].address;
  const ctx = { hamlet: a.hamlet, commune: `${a.communeType} ${a.commune}`, district: `${a.districtType} ${a.district}` };
  return { ...chooseLayout(rng, ctx, { birth, ...opts }), ...over };
}

const name = (i: number, hs: SyntheticHousehold[], what: string, ext: string): string =>
  `${String(i).padStart(2, '0')}-${slug(hs[0].address.hamlet)}-${what}.${ext}`;

const tb = new TruthBuilder();
const files: { name: string; bytes: Buffer }[] = [];
const national = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'DANH SÁCH NHÂN KHẨU'];

// 1. UTF-8 with BOM, comma; "Năm sinh" split into Nam | Nữ; signature footer with signers' names.
const h1 = take(25);
const f1 = name(1, h1, 'utf8-bom', 'csv');
const l1 = layoutFor(h1, 'male_female', { titleRows: [...national, ''], footer: 'signature', householdCells: 'head', numberingRow: 'parens', nameCase: 'proper' });
files.push({ name: f1, bytes: emitCsv(tb, rng, f1, withFlaws(h1, ['extra_spaces', 'upper_case']), l1, { encoding: 'utf8-bom', delimiter: ',', eol: '\r\n', padRows: true }) });

// 2. Excel "Unicode text": UTF-16LE with BOM, tab; Ngày | Tháng | Năm columns; address split; blank rows.
const h2 = take(20);
const f2 = name(2, h2, 'utf16le', 'txt');
const l2 = layoutFor(h2, 'dmy', { blankBetweenHouseholds: true, householdCells: 'every', footer: 'total' }, { address: 'split' });
files.push({ name: f2, bytes: emitCsv(tb, rng, f2, withFlaws(h2, ['missing_name']), l2, { encoding: 'utf16le-bom', delimiter: '\t', eol: '\r\n', padRows: true }) });

// 3. Windows-1258 (decomposed tones), semicolon; a header cell with a line break; 00/00/yyyy dates.
const h3 = take(20);
const f3 = name(3, h3, 'cp1258', 'csv');
const l3 = layoutFor(h3, 'date', { dateStyle: 'zeros', titleRows: national, numberingRow: 'plain' });
for (const c of l3.columns) if (c.field === 'birth_date') c.header = 'Ngày tháng\nnăm sinh';
files.push({ name: f3, bytes: emitCsv(tb, rng, f3, withFlaws(h3, ['date_impossible']), l3, { encoding: 'cp1258', delimiter: ';', eol: '\r\n', padRows: false }) });

// 4. TCVN3 bytes, comma; personal ID whose sex digit disagrees; a lower-case name.
const h4 = take(20);
const f4 = name(4, h4, 'tcvn3', 'csv');
const l4 = layoutFor(h4, 'date', { householdCells: 'head', dateStyle: 'd/m/yyyy' });
files.push({ name: f4, bytes: emitCsv(tb, rng, f4, withFlaws(h4, ['personal_id_sex_mismatch', 'lower_case']), l4, { encoding: 'tcvn3', delimiter: ',', eol: '\r\n', padRows: true }) });

// 5. VNI bytes, semicolon, LF; an unaccented name; upper-case names throughout.
const h5 = take(20);
const f5 = name(5, h5, 'vni', 'csv');
const l5 = layoutFor(h5, 'year', { nameCase: 'upper', footer: 'signature' });
files.push({ name: f5, bytes: emitCsv(tb, rng, f5, withFlaws(h5, ['unaccented']), l5, { encoding: 'vni', delimiter: ';', eol: '\n', padRows: false }) });

// 6. XLSX, two sheets: TCVN3 (.VnTime, capitals in .VnTimeH) with merged household cells and date cells;
//    VNI-Times with serial dates and IDs that lost their leading zero; plus an empty Sheet3.
const h6a = take(25);
const h6b = take(20);
const f6 = name(6, h6a, 'two-sheets', 'xlsx');
files.push({
  name: f6,
  bytes: await emitXlsx(tb, rng, f6, [
    { name: h6a[0].address.hamlet, entries: withFlaws(h6a, []), layout: layoutFor(h6a, 'date', { titleRows: national, householdCells: 'merge', nameCase: 'upper' }, { address: 'split' }), encoding: 'tcvn3', dateCells: 'date', idAsNumber: false },
    { name: h6b[0].address.hamlet + ' (2)', entries: withFlaws(h6b, []), layout: layoutFor(h6b, 'date', { householdCells: 'merge', footer: 'signature' }), encoding: 'vni', dateCells: 'serial', idAsNumber: true },
  ], ['Sheet3']),
});

// 7. XLSX: a statistics sheet with no name column (whole sheet rejected) and a sheet whose names alone are
//    typed in .VnTimeH while the rest is Unicode.
const h7a = take(12);
const h7b = take(15);
const f7 = name(7, h7b, 'no-name-sheet', 'xlsx');
files.push({
  name: f7,
  bytes: await emitXlsx(tb, rng, f7, [
    { name: 'Thống kê', entries: withFlaws(h7a, []), layout: layoutFor(h7a, 'male_female', { householdCells: 'every' }, { noNameColumn: true }), encoding: 'unicode', dateCells: 'text', idAsNumber: false },
    { name: 'Danh sách', entries: withFlaws(h7b, []), layout: layoutFor(h7b, 'date', { nameCase: 'proper' }), encoding: 'tcvn3-names', dateCells: 'mixed', idAsNumber: false },
  ]),
});

// 8. UTF-8 without BOM: a supplement repeating households of files 1 and 6 (their records merge).
const h8 = [h1[0], h6a[1]];
const f8 = '08-bo-sung-utf8.csv';
files.push({ name: f8, bytes: emitCsv(tb, rng, f8, withFlaws(h8, []), layoutFor(h8, 'date', {}), { encoding: 'utf8', delimiter: ',', eol: '\r\n', padRows: true }) });

const truth = tb.finish('scripts/generate-fixtures.ts', SEED, households.slice(0, next));
const seen = new Set<string>(truth.records.flatMap((r) => [r.outcome, ...r.flaws]));
for (const must of ['new', 'merged', 'rejected', 'flagged', 'missing_name', 'date_impossible', 'personal_id_sex_mismatch', 'unaccented', 'id_leading_zero_lost'])
  if (!seen.has(must)) throw new Error(`fixtures do not cover ${must}`);
// Inputs go in inbox/ so the demo imports exactly them; truth.json and README.md stay beside it.
mkdirSync(join(outDir, 'inbox'), { recursive: true });
for (const f of files) writeFileSync(join(outDir, 'inbox', f.name), f.bytes);
writeFileSync(join(outDir, 'truth.json'), truthToJson(truth));
console.log(files.map((f) => `${f.name} ${f.bytes.length} B`).join('\n'));
console.log(`${truth.records.length} records, ${truth.persons} persons`);
