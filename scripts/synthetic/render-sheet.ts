/**
 * Turns households into a sheet model under a layout: title rows, one- or two-row header, numbering row,
 * member rows (household cells on every row, on the head's row, or merged down), blank rows, footer.
 * Row flaws are applied here because how a flaw is written depends on the columns.
 *
 * @example
 * const model = renderSheet(rng, entries, layout, { name: 'Bản Na Ngám', target: 'xlsx', dateCells: 'mixed', idAsNumber: false });
 * model.rows.filter((r) => r.kind === 'record').length; // number of members
 */
import type { Rng } from './prng.js';
import type { Column, Layout } from './layout.js';
import type { SyntheticHousehold, SyntheticPerson } from './people.js';
import type { ExpectedValues, Flaw, Outcome } from './truth.js';
import type { Cell, Merge, ModelRow, SheetModel } from './sheet-model.js';
import { addressText, dateText, ethnicityText, impossibleDateText, noteText, properCase, relationText } from './written-forms.js';
import { stripDiacritics } from './legacy-encode.js';
import { NAME_POOLS } from './name-pools.js';

export interface SheetEntry {
  household: SyntheticHousehold;
  /** Flaws per member, same order as household.members. */
  flaws: Flaw[][];
}

export interface RenderOptions {
  name: string | null;
  target: 'csv' | 'xlsx';
  /** XLSX only: how full dates are stored. */
  dateCells: 'text' | 'date' | 'serial' | 'mixed';
  /** XLSX only: the ID column was formatted as a number and lost its leading zero. */
  idAsNumber: boolean;
}

const HOUSEHOLD_FIELDS = new Set(['household_book_no', 'address', 'hamlet', 'commune', 'district', 'province']);

/** The name as written in the row, after flaws that change its look. */
function writtenName(p: SyntheticPerson, layout: Layout, flaws: Flaw[]): string {
  let name = p.fullName;
  if (flaws.includes('unaccented')) name = stripDiacritics(name);
  if (layout.nameCase === 'upper' || flaws.includes('upper_case')) name = name.toUpperCase();
  if (flaws.includes('lower_case')) name = name.toLowerCase();
  return name;
}

function spaced(text: string, flaws: Flaw[]): string {
  return flaws.includes('extra_spaces') ? `  ${text.replace(/ /g, '  ')} ` : text;
}

class RowRenderer {
  private seq = 0;
  constructor(
    private readonly rng: Rng,
    private readonly layout: Layout,
    private readonly opts: RenderOptions,
    private readonly sexWords: readonly [string, string],
  ) {}

  private fullDateCell(iso: string): Cell {
    const { target, dateCells } = this.opts;
    const mode = dateCells === 'mixed' ? this.rng.pick(['text', 'date', 'serial'] as const) : dateCells;
    if (target === 'csv' || mode === 'text' || iso.length < 10) {
      const text = dateText(iso, this.layout.dateStyle);
      // A bare year in an XLSX cell is usually a number.
      if (target === 'xlsx' && iso.length === 4 && this.rng.chance(0.6)) return { v: Number(iso) };
      return { v: text };
    }
    const [y, m, d] = iso.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (mode === 'date') return { v: date, numFmt: this.rng.pick(['dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy']) };
    return { v: Math.round(date.getTime() / 86400000) + 25569 };
  }

  private idCell(id: string | null): Cell {
    if (id === null) return { v: '' };
    if (this.opts.target === 'xlsx' && this.opts.idAsNumber) return { v: Number(id) };
    return { v: id };
  }

  /** The cells of one member row and its expected values. */
  record(h: SyntheticHousehold, p: SyntheticPerson, flaws: Flaw[], isHead: boolean): ModelRow {
    const { rng, layout } = this;
    const has = (f: string): boolean => layout.columns.some((c) => c.field === f);
    const year = Number(p.birthDate.slice(0, 4));
    // An impossible day needs a column that shows the day.
    const impossible = flaws.includes('date_impossible') && (has('birth_date') || has('birth_day'));
    const idFlipped =
      flaws.includes('personal_id_sex_mismatch') && p.personalId !== null
        ? p.personalId.slice(0, 3) + String(Number(p.personalId[3]) ^ 1) + p.personalId.slice(4)
        : p.personalId;
    const name = writtenName(p, layout, flaws);
    const nameParts = name.split(' ');
    const givenWritten = nameParts.pop() ?? '';
    const [day, month] = [p.birthDate.slice(8, 10), p.birthDate.slice(5, 7)];
    const householdCell = layout.householdCells === 'every' || isHead;
    const relation = relationText(rng, p.relation, p.sex);
    const cells: Cell[] = layout.columns.map((c): Cell => {
      if (HOUSEHOLD_FIELDS.has(c.field) && !householdCell) return { v: '' };
      switch (c.field) {
        case 'seq': return { v: this.opts.target === 'xlsx' ? ++this.seq : String(++this.seq) };
        case 'full_name': return { v: flaws.includes('missing_name') ? '' : spaced(name, flaws), nameCell: true };
        case 'family_middle': return { v: flaws.includes('missing_name') ? '' : spaced(nameParts.join(' '), flaws), nameCell: true };
        case 'given_name': return { v: flaws.includes('missing_name') ? '' : givenWritten, nameCell: true };
        case 'birth_date': return impossible ? { v: impossibleDateText(rng, year) } : this.fullDateCell(p.birthDate);
        case 'birth_day': return { v: impossible ? '31' : day ? String(Number(day)) : '' };
        case 'birth_month': return { v: impossible ? '2' : month ? String(Number(month)) : '' };
        case 'birth_year': return this.opts.target === 'xlsx' ? { v: year } : { v: String(year) };
        case 'birth_year_male': return { v: p.sex === 'M' ? (this.opts.target === 'xlsx' ? year : String(year)) : '' };
        case 'birth_year_female': return { v: p.sex === 'F' ? (this.opts.target === 'xlsx' ? year : String(year)) : '' };
        case 'sex': return { v: p.sex === 'M' ? this.sexWords[0] : this.sexWords[1] };
        case 'ethnicity': return { v: ethnicityText(rng, p.ethnicity) };
        case 'religion': return { v: p.religion };
        case 'personal_id': return this.idCell(idFlipped);
        case 'old_id': return { v: p.oldId ?? '' };
        case 'id_any': return idFlipped !== null ? this.idCell(idFlipped) : { v: p.oldId ?? '' };
        case 'birthplace': return { v: p.birthplace };
        case 'native_place': return { v: p.nativePlace };
        case 'occupation': return { v: p.occupation };
        case 'household_book_no': return { v: h.bookNo };
        case 'relation_to_head': return { v: relation.written };
        case 'address': return { v: addressText(rng, h.address) };
        case 'hamlet': return { v: h.address.hamlet };
        case 'commune': return { v: rng.chance(0.5) ? h.address.commune : `${h.address.communeType} ${h.address.commune}` };
        case 'district': return { v: h.address.district };
        case 'province': return { v: 'Điện Biên' };
        case 'note': return { v: noteText(rng) };
      }
    });
    const birthDate = (() => {
      if (impossible) return null;
      if (has('birth_date') || has('birth_day')) return p.birthDate;
      return String(year);
    })();
    const idWritten = has('personal_id') || has('id_any') ? idFlipped : null;
    const oldWritten = has('old_id') ? p.oldId : has('id_any') && idFlipped === null ? p.oldId : null;
    const expected: ExpectedValues = {
      full_name: flaws.includes('missing_name') || layout.noNameColumn ? null : properCase(name),
      birth_date: birthDate,
      sex: p.sex,
      ethnicity: has('ethnicity') ? p.ethnicity : null,
      personal_id: idWritten,
      old_id: oldWritten,
      household_book_no: has('household_book_no') ? h.bookNo : null,
      relation_to_head: has('relation_to_head') ? relation.canonical : null,
    };
    const reasons: string[] = [];
    if (layout.noNameColumn) reasons.push('sheet_without_name_column');
    if (flaws.includes('missing_name')) reasons.push('missing_name');
    let outcome: Outcome = reasons.length > 0 ? 'rejected' : 'new';
    // Doubtful values keep the person: loaded pending review, the field sent to a reviewer.
    if (outcome === 'new' && impossible) reasons.push('date_impossible');
    if (outcome === 'new' && flaws.includes('personal_id_sex_mismatch') && idWritten !== null) reasons.push('personal_id_sex_mismatch');
    if (reasons.length > 0 && outcome === 'new') outcome = 'flagged';
    const recordFlaws = flaws.filter(
      (f) => (f !== 'personal_id_sex_mismatch' || idWritten !== null) && (f !== 'date_impossible' || impossible),
    );
    if (this.opts.idAsNumber && idWritten?.startsWith('0')) recordFlaws.push('id_leading_zero_lost');
    return { kind: 'record', cells, record: { person_key: p.key, expected, outcome, reasons, flaws: recordFlaws } };
  }
}

function headerRows(layout: Layout): { rows: ModelRow[]; merges: Merge[] } {
  const cols = layout.columns;
  const twoRow = cols.some((c) => c.group !== null);
  if (!twoRow) return { rows: [{ kind: 'header', cells: cols.map((c) => ({ v: c.header })) }], merges: [] };
  const top: Cell[] = [];
  const bottom: Cell[] = [];
  const merges: Merge[] = [];
  cols.forEach((c: Column, i) => {
    if (c.group === null) {
      top.push({ v: c.header });
      bottom.push({ v: '' });
      merges.push({ top: 1, left: i + 1, bottom: 2, right: i + 1 });
    } else {
      const first = i === 0 || cols[i - 1].group !== c.group;
      top.push({ v: first ? c.group : '' });
      bottom.push({ v: c.header });
      if (first) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1].group === c.group) j++;
        if (j > i) merges.push({ top: 1, left: i + 1, bottom: 1, right: j + 1 });
      }
    }
  });
  return { rows: [{ kind: 'header', cells: top }, { kind: 'header', cells: bottom }], merges };
}

function footerRows(rng: Rng, layout: Layout, width: number, households: number, persons: number): ModelRow[] {
  const at = (pairs: [number, string][]): ModelRow => {
    const cells: Cell[] = Array.from({ length: width }, () => ({ v: '' }));
    for (const [i, v] of pairs) cells[Math.min(Math.max(0, i), width - 1)] = { v };
    return { kind: 'footer', cells };
  };
  const right = Math.max(2, width - 3);
  if (layout.footer === 'total') return [at([]), at([[1, `Tổng số: ${households} hộ, ${persons} nhân khẩu`]])];
  if (layout.footer === 'none') return [];
  const pool = NAME_POOLS[rng.pick(['Thái', 'Kinh', 'Mông'])];
  const signer = (): string => `${rng.pick(pool.family)} ${rng.pick(pool.middleMale)} ${rng.pick(pool.givenMale)}`;
  return [
    at([]),
    at([[right, `Điện Biên, ngày ${rng.int(1, 28)} tháng ${rng.int(1, 12)} năm 2024`]]),
    at([[1, 'NGƯỜI LẬP BIỂU'], [right, rng.pick(['TRƯỞNG BẢN', 'TRƯỞNG CÔNG AN XÃ', 'CHỦ TỊCH UBND XÃ'])]]),
    at([[1, '(Ký, ghi rõ họ tên)'], [right, '(Ký tên, đóng dấu)']]),
    at([]),
    at([]),
    at([[1, signer()], [right, signer()]]),
  ];
}

/** Renders the entries (households in order) as one sheet. */
export function renderSheet(rng: Rng, entries: readonly SheetEntry[], layout: Layout, opts: RenderOptions): SheetModel {
  const width = layout.columns.length;
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array.from({ length: width - cells.length }, () => ({ v: '' }))];
  const rows: ModelRow[] = layout.titleRows.map((t) => ({ kind: t === '' ? 'blank' : 'title', cells: pad([{ v: t }]) }));
  const merges: Merge[] = [];
  const titleCount = rows.length;
  rows.forEach((r, i) => r.kind === 'title' && width > 1 && merges.push({ top: i + 1, left: 1, bottom: i + 1, right: width }));
  const header = headerRows(layout);
  for (const m of header.merges) merges.push({ ...m, top: m.top + titleCount, bottom: m.bottom + titleCount });
  rows.push(...header.rows);
  if (layout.numberingRow !== 'none')
    rows.push({ kind: 'numbering', cells: layout.columns.map((_, i) => ({ v: layout.numberingRow === 'parens' ? `(${i + 1})` : String(i + 1) })) });
  const sexWords = rng.pick([['Nam', 'Nữ'], ['Nam', 'Nữ'], ['nam', 'nữ'], ['NAM', 'NỮ']] as const);
  const renderer = new RowRenderer(rng, layout, opts, sexWords);
  let persons = 0;
  for (const { household, flaws } of entries) {
    if (layout.blankBetweenHouseholds && persons > 0) rows.push({ kind: 'blank', cells: pad([]) });
    const first = rows.length + 1;
    household.members.forEach((p, i) => rows.push(renderer.record(household, p, flaws[i] ?? [], i === 0)));
    persons += household.members.length;
    const last = rows.length;
    if (opts.target === 'xlsx' && layout.householdCells === 'merge' && last > first)
      layout.columns.forEach((c, i) => HOUSEHOLD_FIELDS.has(c.field) && merges.push({ top: first, left: i + 1, bottom: last, right: i + 1 }));
  }
  rows.push(...footerRows(rng, layout, width, entries.length, persons));
  return { name: opts.name, layout, width, rows, merges };
}
