/**
 * Collects the truth while files are written: gives each record row its id and locator, and turns the
 * second appearance of a person into a `merged` record pointing at the first.
 *
 * @example
 * const tb = new TruthBuilder();
 * tb.addSheet(file, model, (i) => lineOf[i]);
 * const truth = tb.finish('scripts/generate-spreadsheets.ts', 7, households);
 */
import type { SheetModel } from './sheet-model.js';
import type { SyntheticHousehold } from './people.js';
import type { Truth, TruthFile, TruthPerson, TruthRecord } from './truth.js';

/** One line saying what a sheet looks like, for people reading truth.json. */
export function describeLayout(model: SheetModel, extra: string): string {
  const l = model.layout;
  const cols = l.columns.map((c) => (c.group ? `${c.group}>${c.header}` : c.header).replace(/\n/g, '⏎')).join(' | ');
  const headerRows = l.columns.some((c) => c.group) ? 2 : 1;
  return `${extra}; title rows ${l.titleRows.length}; header rows ${headerRows}; numbering ${l.numberingRow}; household cells ${l.householdCells}; footer ${l.footer}; names ${l.nameCase}; dates ${l.dateStyle}; columns: ${cols}`;
}

export class TruthBuilder {
  readonly files: TruthFile[] = [];
  readonly records: TruthRecord[] = [];
  private readonly firstRecord = new Map<string, TruthRecord>();

  /** Starts a file; sheets are added with addSheet. */
  addFile(file: Omit<TruthFile, 'sheets'>): TruthFile {
    const f: TruthFile = { ...file, sheets: [] };
    this.files.push(f);
    return f;
  }

  /** Adds a sheet's records; `rowOf(i)` is the row (XLSX) or line (CSV) of model row i. */
  addSheet(file: TruthFile, model: SheetModel, rowOf: (i: number) => number, extra: string): void {
    let n = 0;
    model.rows.forEach((row, i) => {
      if (row.kind !== 'record' || !row.record) return;
      n++;
      const r = row.record;
      const rec: TruthRecord = {
        record_id: `R${String(this.records.length + 1).padStart(6, '0')}`,
        person_key: r.person_key,
        locator: { file: file.file, sheet: model.name, row: rowOf(i), page: null },
        expected: r.expected,
        outcome: r.outcome,
        reasons: [...r.reasons],
        duplicate_of: null,
        flaws: r.flaws,
      };
      const first = this.firstRecord.get(r.person_key);
      if (first) {
        // The generator only duplicates clean households, so the earlier record is always loadable.
        if (first.outcome === 'rejected' || rec.outcome !== 'new') throw new Error(`bad duplicate ${r.person_key}`);
        rec.outcome = 'merged';
        rec.reasons = [rec.expected.personal_id !== null ? 'duplicate_personal_id' : 'duplicate_household_member'];
        rec.duplicate_of = first.record_id;
      } else this.firstRecord.set(r.person_key, rec);
      this.records.push(rec);
    });
    file.sheets.push({
      name: model.name,
      records: n,
      expected_error: model.layout.noNameColumn ? 'sheet_without_name_column' : null,
      layout: describeLayout(model, extra),
    });
  }

  /** An empty sheet (XLSX "Sheet3"): no records, no error. */
  addEmptySheet(file: TruthFile, name: string): void {
    file.sheets.push({ name, records: 0, expected_error: null, layout: 'empty sheet' });
  }

  finish(generator: string, seed: number, households: readonly SyntheticHousehold[]): Truth {
    const people: Record<string, TruthPerson> = {};
    for (const h of households)
      for (const p of h.members)
        people[p.key] = {
          full_name: p.fullName,
          birth_date: p.birthDate,
          sex: p.sex,
          ethnicity: p.ethnicity,
          personal_id: p.personalId,
          old_id: p.oldId,
          household_book_no: h.bookNo,
          relation_to_head: p.relation,
          commune_code: h.address.communeCode,
          hamlet: h.address.hamlet,
        };
    return { generator, seed, persons: Object.keys(people).length, files: this.files, records: this.records, people };
  }
}

/**
 * truth.json text with one record (and one person) per line: greppable, diffable, and a third of the size
 * of indented JSON for 100k records.
 */
export function truthToJson(truth: Truth): string {
  const lines = (items: unknown[]): string => items.map((x) => `  ${JSON.stringify(x)}`).join(',\n');
  const people = Object.entries(truth.people).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  return [
    '{',
    `"generator": ${JSON.stringify(truth.generator)}, "seed": ${truth.seed}, "persons": ${truth.persons},`,
    `"files": [\n${lines(truth.files)}\n],`,
    `"records": [\n${lines(truth.records)}\n],`,
    `"people": {\n${people}\n}`,
    '}',
    '',
  ].join('\n');
}
