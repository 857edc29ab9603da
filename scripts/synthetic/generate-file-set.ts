/**
 * A whole seeded file set: households grouped by commune into CSV and XLSX files with random layouts,
 * encodings and flaws, a few "bổ sung" (supplement) files that repeat households already listed, and the
 * truth for every record.
 *
 * @example
 * const { files, truth } = await generateFileSet({ seed: 7, persons: 10000, format: 'mixed' });
 * files[0].name; // '001-xa-sen-thuong.xlsx'
 */
import { Rng } from './prng.js';
import { generateHouseholds, type SyntheticHousehold } from './people.js';
import { chooseLayout } from './layout.js';
import type { SheetEntry } from './render-sheet.js';
import type { CsvEncoding, CsvOptions } from './write-csv.js';
import type { XlsxSheetEncoding } from './write-xlsx.js';
import { emitCsv, emitXlsx, type XlsxSheetSpec } from './file-writers.js';
import { TruthBuilder } from './truth-builder.js';
import { stripDiacritics } from './legacy-encode.js';
import type { Flaw, Truth } from './truth.js';

export interface FileSetOptions {
  seed: number;
  persons: number;
  format: 'csv' | 'xlsx' | 'mixed';
  /** Per-person probability of each flaw (at most one flaw per person). */
  flawRates?: Partial<Record<Flaw, number>>;
  /** Probability that a commune file is followed by a supplement repeating some of its households. */
  supplementRate?: number;
  /** Probability that a sheet (or CSV file) has no name column at all. */
  noNameSheetRate?: number;
}

export interface GeneratedFile {
  name: string;
  bytes: Buffer;
}

export const DEFAULT_FLAW_RATES: Readonly<Partial<Record<Flaw, number>>> = {
  missing_name: 0.003,
  date_impossible: 0.003,
  personal_id_sex_mismatch: 0.003,
  extra_spaces: 0.01,
  upper_case: 0.005,
  lower_case: 0.005,
  unaccented: 0.005,
};

/** At most one flaw per member; a person without a personal ID cannot get an ID flaw. */
export function drawFlaws(rng: Rng, h: SyntheticHousehold, rates: Partial<Record<Flaw, number>>): Flaw[][] {
  return h.members.map((p) => {
    let r = rng.next();
    for (const [flaw, rate] of Object.entries(rates) as [Flaw, number][]) {
      if (r < rate) return flaw === 'personal_id_sex_mismatch' && p.personalId === null ? [] : [flaw];
      r -= rate;
    }
    return [];
  });
}

export function slug(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Random CSV options, weighted by how often offices produce each. */
export function chooseCsvOptions(rng: Rng): CsvOptions {
  const encoding = rng.weighted<CsvEncoding>([['utf8-bom', 30], ['utf8', 15], ['utf16le-bom', 10], ['cp1258', 10], ['tcvn3', 20], ['vni', 15]]);
  const delimiter = encoding === 'utf16le-bom' ? '\t' : rng.weighted([[',', 6], [';', 3], ['\t', 1]] as const);
  return { encoding, delimiter, eol: rng.chance(0.8) ? '\r\n' : '\n', padRows: rng.chance(0.7) };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups.values()];
}

/** Consecutive households of the same commune. */
function communeRuns(households: readonly SyntheticHousehold[]): SyntheticHousehold[][] {
  const runs: SyntheticHousehold[][] = [];
  for (const h of households) {
    const last = runs[runs.length - 1];
    if (last && last[0].address.communeCode === h.address.communeCode) last.push(h);
    else runs.push([h]);
  }
  return runs;
}

export async function generateFileSet(opts: FileSetOptions): Promise<{ files: GeneratedFile[]; truth: Truth }> {
  const households = generateHouseholds(opts.seed, opts.persons);
  const rng = new Rng(opts.seed ^ 0x5eed5eed);
  const rates = opts.flawRates ?? DEFAULT_FLAW_RATES;
  const tb = new TruthBuilder();
  const files: GeneratedFile[] = [];
  let index = 0;
  const fileName = (h: SyntheticHousehold, suffix: string, ext: string): string =>
    `${String(++index).padStart(3, '0')}-${slug(`${h.address.communeType} ${h.address.commune}`)}${suffix}.${ext}`;
  const ctxOf = (h: SyntheticHousehold) => ({
    hamlet: h.address.hamlet,
    commune: `${h.address.communeType} ${h.address.commune}`,
    district: `${h.address.districtType} ${h.address.district}`,
  });

  const emit = async (group: SyntheticHousehold[], entries: SheetEntry[], suffix: string, noNameAllowed: boolean): Promise<void> => {
    const xlsx = opts.format === 'xlsx' || (opts.format === 'mixed' && rng.chance(0.5));
    const noName = (): boolean => noNameAllowed && rng.chance(opts.noNameSheetRate ?? 0.01);
    if (!xlsx) {
      const byFile = rng.chance(0.3) ? groupBy(entries, (e) => e.household.address.hamlet) : [entries];
      for (const part of byFile) {
        const h = part[0].household;
        const layout = chooseLayout(rng, ctxOf(h), { noNameColumn: noName() });
        const csv = chooseCsvOptions(rng);
        // Excel saves UTF-16 tab-separated text as "Unicode Text (*.txt)".
        const ext = csv.encoding === 'utf16le-bom' ? 'txt' : 'csv';
        const name = fileName(h, byFile.length > 1 ? `-${slug(h.address.hamlet)}${suffix}` : suffix, ext);
        files.push({ name, bytes: emitCsv(tb, rng, name, part, layout, csv) });
      }
      return;
    }
    const specs: XlsxSheetSpec[] = groupBy(entries, (e) => e.household.address.hamlet).map((part) => ({
      name: part[0].household.address.hamlet,
      entries: part,
      layout: chooseLayout(rng, ctxOf(part[0].household), { noNameColumn: noName() }),
      encoding: rng.weighted<XlsxSheetEncoding>([['unicode', 6], ['tcvn3', 2], ['tcvn3-names', 1], ['vni', 1]]),
      dateCells: rng.weighted([['text', 3], ['date', 3], ['serial', 1], ['mixed', 2]] as const),
      idAsNumber: rng.chance(0.15),
    }));
    const name = fileName(group[0], suffix, 'xlsx');
    files.push({ name, bytes: await emitXlsx(tb, rng, name, specs, rng.chance(0.3) ? ['Sheet3'] : []) });
  };

  for (const group of communeRuns(households)) {
    const dup = new Set<SyntheticHousehold>();
    if (rng.chance(opts.supplementRate ?? 0.15)) for (let n = rng.int(1, 3); n > 0; n--) dup.add(rng.pick(group));
    const supplement = group.filter((h) => dup.has(h));
    // Households listed twice stay clean and out of name-less sheets, so their first record is loadable.
    const entries = group.map((h) => ({ household: h, flaws: dup.has(h) ? h.members.map(() => []) : drawFlaws(rng, h, rates) }));
    const hasDup = (es: SheetEntry[]): boolean => es.some((e) => dup.has(e.household));
    await emit(group, entries, '', !hasDup(entries));
    if (supplement.length > 0)
      await emit(supplement, supplement.map((h) => ({ household: h, flaws: h.members.map(() => []) })), '-bo-sung', false);
  }
  return { files, truth: tb.finish('scripts/generate-spreadsheets.ts', opts.seed, households) };
}
