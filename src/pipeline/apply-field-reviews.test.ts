import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldRecordState } from '../db/field-corrections.js';
import { openRegistry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import { readCsvGrid } from '../ingest/csv-reader.js';
import { buildGazetteerIndex } from '../normalize/address/gazetteer-index.js';
import type { PersonValues } from '../normalize/person-values.js';
import { BUNDLED_GAZETTEER } from './active-gazetteer.js';
import { applyFieldReviews, checkFieldRows, findFieldReviewColumns, readFieldReviewRows, readReviewGrids, type FieldReviewRow } from './apply-field-reviews.js';
import type { CorrectionContext } from './correct-record.js';
import { runImport } from './run-import.js';

const VALUES = { full_name: 'Quàng Thị Ưng', birth_date: '1970-01-05', sex: 'F', hamlet: null } as PersonValues;
const MISMATCH = { field: 'personal_id', code: 'personal_id_birth_year_mismatch', severity: 'review' as const, message: 'Số định danh 011175004321 ứng với năm sinh 1975 nhưng năm sinh ghi 1970' };

function state(id: number, extra: Partial<FieldRecordState> = {}): [number, FieldRecordState] {
  return [id, {
    id, raw: { full_name: 'Quàng Thị Ưng', birth_date: '05/01/1970', sex: 'Nữ', personal_id: '011175004321' }, values: VALUES, issues: [MISMATCH],
    outcome: 'flagged', page: null, personId: id * 10, personStatus: 'pending_review', runStartedAt: '2025-06-01T02:00:00Z', pipeline: 'nightly',
    corrections: {}, ...extra,
  }];
}

const STATES = new Map<number, FieldRecordState>([
  state(1),
  // 2: a scanned page, sex read with low confidence, the name failing the scan's syllable check.
  state(2, { page: 3, raw: { full_name: 'Giàng A Pao', sex: 'Nan', birth_date: '1985' }, issues: [
    { field: 'sex', code: 'low_confidence', severity: 'review', message: "Độ tin cậy nhận dạng thấp (62%): 'Nan'" },
    { field: 'full_name', code: 'ocr_name_syllable_invalid', severity: 'review', message: "Họ tên có chữ không phải âm tiết tiếng Việt (Pao): 'Giàng A Pao'" },
  ] }),
  // 3: already corrected by an earlier file and activated.
  state(3, { personStatus: 'active', raw: { full_name: 'Quàng Thị Ưng', birth_date: '05/01/1975', personal_id: '011175004321' }, issues: [],
    corrections: { birth_date: { value: '05/01/1975', reviewer: 'Cầm Thị Xuân', decidedAt: '2025-06-02T08:00:00Z' } } }),
  state(4, { outcome: 'rejected', personId: null, personStatus: null }),
  // 5: the name written in two columns.
  state(5, { raw: { family_middle: 'LÒ VĂN', given_name: 'PANH', birth_date: '1968' }, issues: [] }),
  state(6, { personStatus: 'merged' }),
]);

/** Rows that touch no address never need the gazetteer. */
const NO_GAZETTEER: CorrectionContext = { gazetteer: () => { throw new Error('gazetteer not expected'); } };
const row = (line: number, recordId: string, field: string, correctedValue: string): FieldReviewRow => ({ line, recordId, field, correctedValue });

describe('checkFieldRows', () => {
  it.each([
    ['a birth date that makes the ID agree (the ID issue clears)', [row(2, '1', 'birth_date', '05/01/1975')], [{ kind: 'apply', recordId: 1, field: 'birth_date', value: '05/01/1975' }]],
    ['the ID itself, record id re-saved as 1.0, field name retyped', [row(2, '1.0', 'Personal ID', "'011170004321")], [{ kind: 'apply', recordId: 1, field: 'personal_id', value: '011170004321' }]],
    ['an empty corrected value (undecided)', [row(2, '1', 'personal_id', '  ')], [{ kind: 'undecided' }]],
    ['the value read, written again to confirm it', [row(2, '2', 'sex', 'Nan '.replace('Nan', 'Nam'))], [{ kind: 'apply', field: 'sex', value: 'Nam' }]],
    ['a name written in two columns, corrected as one', [row(2, '5', 'full_name', 'Lò Văn Pánh')], [{ kind: 'apply', field: 'full_name' }]],
    ['the same correction as an earlier file (idempotent)', [row(2, '3', 'birth_date', '05/01/1975')], [{ kind: 'unchanged' }]],
    ['the same correction twice in the file', [row(2, '1', 'birth_date', '05/01/1975'), row(3, '1', 'birth_date', '05/01/1975')], [{ kind: 'apply' }, { kind: 'unchanged' }]],
  ])('accepts %s', (_name, rows, expected) => {
    expect(checkFieldRows(rows, STATES, NO_GAZETTEER).rows).toMatchObject(expected);
  });

  it.each([
    [row(7, '', 'sex', 'Nam'), 'Dòng 7: thiếu mã bản ghi.'],
    [row(7, '1O', 'sex', 'Nam'), 'Dòng 7: mã bản ghi "1O" không phải là số.'],
    [row(7, '404', 'sex', 'Nam'), 'Dòng 7: không có bản ghi số 404 trong sổ đăng ký.'],
    [row(7, '1', '', 'Nam'), 'Dòng 7: thiếu tên trường.'],
    [row(7, '1', 'chiều cao', '1m60'), 'Dòng 7: trường "chiều cao" không phải là trường của bản ghi; bản ghi số 1 cần duyệt: personal_id.'],
    [row(7, '4', 'sex', 'Nam'), 'Dòng 7: bản ghi số 4 đã bị loại khi nhập'],
    [row(7, '1', 'personal_id', '011176004321'), 'Dòng 7: giá trị "011176004321" của trường personal_id (bản ghi số 1) vẫn chưa đúng: Số định danh 011176004321 ứng với năm sinh 1976'],
    [row(7, '1', 'personal_id', '01117500432'), 'vẫn chưa đúng'],
    [row(7, '1', 'birth_date', '31/02/1975'), 'Dòng 7: giá trị "31/02/1975" của trường birth_date (bản ghi số 1) vẫn chưa đúng: Ngày tháng không tồn tại: "31/02/1975".'],
    [row(7, '1', 'full_name', '(trống)'), 'Dòng 7: sau khi sửa, bản ghi số 1 không dùng được: Thiếu họ tên.'],
    [row(7, '2', 'sex', 'Nan'), 'Dòng 7: giá trị "Nan" của trường sex (bản ghi số 2) vẫn chưa đúng'],
    [row(7, '3', 'birth_date', '05/01/1976'), 'Dòng 7: nhân khẩu số 30 của bản ghi số 3 không còn chờ duyệt (đã là nhân khẩu chính thức)'],
    [row(7, '6', 'sex', 'Nữ'), 'không còn chờ duyệt (đã được gộp vào người khác)'],
  ])('refuses %j', (bad, message) => {
    const [checked] = checkFieldRows([bad], STATES, NO_GAZETTEER).rows;
    expect(checked.kind).toBe('invalid');
    expect(checked.kind === 'invalid' && checked.message).toContain(message);
  });

  it('refuses two different values for one field, also through the columns it is written in', () => {
    const rows = [row(2, '1', 'birth_date', '05/01/1975'), row(3, '1', 'birth_date', '05/01/1976'), row(4, '5', 'given_name', 'Pánh'), row(5, '5', 'full_name', 'Lò Văn Pánh')];
    expect(checkFieldRows(rows, STATES, NO_GAZETTEER).rows.map((r) => (r.kind === 'invalid' ? r.message : r.kind))).toEqual([
      'apply', 'Dòng 3: trường birth_date của bản ghi số 1 đã được sửa ở dòng 2 thành giá trị khác.',
      'apply', 'Dòng 5: trường full_name của bản ghi số 5 đã được sửa ở dòng 4 thành giá trị khác.',
    ]);
  });

  it('returns the corrected record: raw written where it was read, issues re-computed, scan issues of other fields kept', () => {
    const { records } = checkFieldRows([row(2, '2', 'sex', 'Nam'), row(3, '5', 'full_name', 'Lò Văn Pánh')], STATES, NO_GAZETTEER);
    const [scan, parts] = records;
    expect(scan.raw.sex).toBe('Nam');
    expect(scan.normalized.values?.sex).toBe('M');
    expect(scan.normalized.issues.map((i) => i.code)).toEqual(['ocr_name_syllable_invalid']);
    expect(scan.changes).toEqual([{ field: 'sex', valueBefore: 'Nan', valueAfter: 'Nam', rawBefore: { sex: 'Nan' } }]);
    expect(parts.raw).toEqual({ full_name: 'Lò Văn Pánh', birth_date: '1968' });
    expect(parts.changes[0]).toMatchObject({ valueBefore: 'LÒ VĂN PANH', rawBefore: { family_middle: 'LÒ VĂN', given_name: 'PANH' } });
    expect(parts.normalized.values).toMatchObject({ family_name: 'Lò', given_name: 'Pánh' });
  });

  describe('addresses (with the bundled gazetteer)', () => {
    let context: CorrectionContext;
    beforeAll(() => {
      const data = JSON.parse(readFileSync(BUNDLED_GAZETTEER, 'utf8'));
      const index = buildGazetteerIndex(data);
      context = { gazetteer: (defaultProvinceCode) => ({ index, version: data.version, defaultProvinceCode }) };
    });
    const ambiguous = { field: 'address', code: 'address_ambiguous', severity: 'review' as const, message: 'Địa chỉ có thể là…' };
    const states = new Map([state(8, { raw: { full_name: 'Lò Văn Pánh', hamlet: 'Bản Na Ngám', commune: 'Mường Phăng', district: 'huyện Điện Biên' }, issues: [ambiguous] })]);

    it('re-codes a corrected address written over several columns', () => {
      const { rows, records } = checkFieldRows([row(2, '8', 'address', 'Bản Na Ngám, xã Mường Phăng, thành phố Điện Biên Phủ, tỉnh Điện Biên')], states, context);
      expect(rows[0].kind).toBe('apply');
      expect(records[0].raw).toEqual({ full_name: 'Lò Văn Pánh', address: 'Bản Na Ngám, xã Mường Phăng, thành phố Điện Biên Phủ, tỉnh Điện Biên' });
      expect(records[0].address).toMatchObject({ commune_code: '03325', address_status: 'coded' });
      expect(records[0].normalized.issues).toEqual([]);
    });

    it('refuses an address confirmed as it was read while it is still ambiguous', () => {
      const [checked] = checkFieldRows([row(2, '8', 'address', 'Bản Na Ngám, Mường Phăng, huyện Điện Biên')], states, context).rows;
      expect(checked.kind === 'invalid' && checked.message).toMatch(/^Dòng 2: giá trị .* của trường address \(bản ghi số 8\) vẫn chưa đúng: Địa chỉ/);
    });
  });
});

describe('reading review-fields files', () => {
  it.each([
    [['mã bản ghi (record_id)', 'tệp (file)', 'trường (field)', 'giá trị (value)', 'corrected_value'], { recordId: 0, field: 2, corrected: 4 }],
    [['Mã bản ghi', 'Trường', 'Giá trị đã sửa'], { recordId: 0, field: 1, corrected: 2 }],
    [['record_id', 'field', 'value', 'Corrected value'], { recordId: 0, field: 1, corrected: 3 }],
    [['mã cặp (pair id)', 'quyết định'], null],
    [['Họ và tên', 'Năm sinh', 'Trường học'], null],
  ])('finds the columns of %j', (cells, expected) => {
    expect(findFieldReviewColumns(cells)).toEqual(expected);
  });

  it('reads a CSV re-saved by Excel with ";" and no BOM, a title line above the header, blank lines skipped', () => {
    const text = 'Danh sách trường cần duyệt;;;\r\nmã bản ghi (record_id);trường (field);giá trị (value);corrected_value\r\n12,0;birth_date;05/01/1970;05/01/1975\r\n;;;\r\n13;sex;Nan;\r\n';
    expect(readFieldReviewRows([readCsvGrid(new TextEncoder().encode(text)).grid])).toEqual([
      { line: 3, recordId: '12,0', field: 'birth_date', correctedValue: '05/01/1975' },
      { line: 5, recordId: '13', field: 'sex', correctedValue: '' },
    ]);
  });

  it('reads .xlsx with the record id as a number', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('review-fields');
    sheet.addRow(['mã bản ghi (record_id)', 'trường (field)', 'corrected_value']);
    sheet.addRow([12, 'personal_id', '011170004321']);
    const grids = await readReviewGrids(Buffer.from(await book.xlsx.writeBuffer()), 'review-fields.xlsx');
    expect(readFieldReviewRows(grids)).toEqual([{ line: 2, recordId: '12', field: 'personal_id', correctedValue: '011170004321' }]);
  });
});

describe('applyFieldReviews on an imported registry', () => {
  let dir = '';
  let db = '';
  let reviewCsv = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hokhau-fields-'));
    db = join(dir, 'registry.sqlite');
    writeFileSync(join(dir, 'ban-na-ngam.csv'), '\uFEFFHọ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh\r\n' +
      'Quàng Thị Ưng,05/01/1970,Nữ,Thái,011175004321\r\nLò Thị Hoa,1990,Nữ,Thaí Lan,\r\n');
    await runImport({ paths: [join(dir, 'ban-na-ngam.csv')], dbUrl: db, outDir: join(dir, 'out'), pipeline: 'nightly', dryRun: false, today: new Date('2025-06-01') });
    reviewCsv = readFileSync(join(dir, 'out', 'review-fields.csv'), 'utf8');
  });
  const fill = (values: Record<string, string>) =>
    reviewCsv.split('\r\n').map((line) => (values[line.split(',')[5]] !== undefined ? line + values[line.split(',')[5]] : line)).join('\r\n');

  it('refuses a bad file whole, then applies a good one once', async () => {
    const bad = join(dir, 'sai.csv');
    writeFileSync(bad, fill({ personal_id: '011176004321' }));
    const refused = await applyFieldReviews({ dbUrl: db, file: bad, reviewer: 'Lò Thị Mai' });
    expect(refused).toMatchObject({ applied: 0, activated: 0, undecided: 1 });
    expect(refused.invalid).toEqual([expect.stringMatching(/^Dòng 2: giá trị "011176004321" của trường personal_id/)]);

    const good = join(dir, 'review-fields.csv');
    writeFileSync(good, fill({ personal_id: '011170004321' }));
    const first = await applyFieldReviews({ dbUrl: db, file: good, reviewer: 'Lò Thị Mai', now: () => new Date('2025-06-03T08:00:00Z') });
    expect(first).toMatchObject({ applied: 1, unchanged: 0, undecided: 1, invalid: [], activated: 1, previouslyAppliedAt: null });
    expect(first.pending).toEqual([{ personId: 2, fullName: 'Lò Thị Hoa', reviewFields: ['ethnicity'], openPairs: [] }]);
    const again = await applyFieldReviews({ dbUrl: db, file: good, reviewer: 'Lò Thị Mai' });
    expect(again).toMatchObject({ applied: 0, unchanged: 1, undecided: 1, activated: 0, previouslyAppliedAt: '2025-06-03T08:00:00.000Z' });

    const registry = await openRegistry(db);
    const persons = await registry.db.selectFrom('persons').select(['id', 'status', 'personal_id']).orderBy('id').execute();
    const corrections = await registry.db.selectFrom('field_corrections').select(['field', 'value_before', 'value_after']).execute();
    await registry.close();
    expect(persons).toEqual([{ id: 1, status: 'active', personal_id: '011170004321' }, { id: 2, status: 'pending_review', personal_id: null }]);
    expect(corrections).toEqual([{ field: 'personal_id', value_before: '011175004321', value_after: '011170004321' }]);
  });

  it('says plainly when the file is not review-fields.csv', async () => {
    const other = join(dir, 'nhan-khau.csv');
    writeFileSync(other, '\uFEFFHọ và tên,Năm sinh\r\nLò Văn Pánh,1968\r\n');
    await expect(applyFieldReviews({ dbUrl: db, file: other, reviewer: 'Lò Thị Mai' })).rejects.toThrow(UsageError);
    await expect(applyFieldReviews({ dbUrl: db, file: other, reviewer: ' ' })).rejects.toThrow(/--reviewer/);
  });
});
