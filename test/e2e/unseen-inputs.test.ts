/**
 * End to end on hand-made spreadsheets unlike the generator's (other wordings, layouts, encodings and
 * corruptions), written into a temporary folder and run through the import into a temporary SQLite file.
 * The oracle is what a clerk reading the sheet would expect, written by hand per case.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportPersons, type PersonExport } from '../../src/db/export-rows.js';
import { openRegistry } from '../../src/db/open-registry.js';
import { runImport } from '../../src/pipeline/run-import.js';
import { toCp1258Bytes } from '../../src/ingest/legacy-test-helpers.js';

interface Imported { report: any; persons: PersonExport[] }

async function importFiles(files: Record<string, Buffer | string>): Promise<Imported> {
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-unseen-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(inbox, name), bytes);
  const db = join(dir, 'registry.sqlite');
  let report: any;
  try {
    ({ report } = await runImport({ paths: [inbox], dbUrl: db, outDir: join(dir, 'out'), pipeline: 'nightly', dryRun: false, today: new Date('2025-06-01') }));
  } catch (err) {
    report = (err as { cause?: { report?: unknown } }).cause?.report ?? { error: String(err) };
  }
  const registry = await openRegistry(db);
  const persons: PersonExport[] = [];
  try {
    for await (const p of exportPersons(registry.db)) persons.push(p);
  } finally {
    await registry.close();
  }
  return { report, persons };
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pick = (p: PersonExport, keys: (keyof PersonExport)[]) => Object.fromEntries(keys.map((k) => [k, p[k]]));
const rowOf = (p: PersonExport) => p.sources[0]?.row;

describe('unseen inputs, end to end', () => {
  it('another office\'s header wordings: ĐKKS, "Số hộ khẩu gia đình", "người đứng tên sổ", dotted dates, a totals row', async () => {
    const csv = [
      'DANH SÁCH NHÂN KHẨU THÔN NA NGAM',
      'STT;Họ, chữ đệm, tên khai sinh;Ngày, tháng, năm sinh (dd/mm/yyyy);Giới tính (Nam/Nữ);Dân tộc;Số CCCD/Số ĐDCN;Quan hệ với người đứng tên sổ;Số hộ khẩu gia đình;Nơi ĐKKS',
      '1;LÒ VĂN PÁNH;12.3.1968;Nam;Thái;011068001234;Chủ hộ;123456;Xã Mường Phăng',
      '2;Lò Thị Ín;1970 (không rõ ngày);Nữ;Thái;;Vợ;123456;Xã Mường Phăng',
      '3;"Lò Văn\nEm";ngày 5 tháng 6 năm 1995;Nam;Thái;;Con;123456;',
      ';Tổng cộng;3 nhân khẩu;;;;;;',
    ].join('\r\n');
    const { report, persons } = await importFiles({ 'na-ngam.csv': '\ufeff' + csv });
    expect(report).toMatchObject({ records_in: 3, new: 3, rejected: 0 });
    const keys: (keyof PersonExport)[] = ['full_name', 'birth_date', 'sex', 'personal_id', 'relation_to_head', 'household_book_no', 'birthplace'];
    expect(persons.map((p) => [rowOf(p), pick(p, keys)])).toEqual([
      [3, { full_name: 'Lò Văn Pánh', birth_date: '1968-03-12', sex: 'M', personal_id: '011068001234', relation_to_head: 'Chủ hộ', household_book_no: '123456', birthplace: 'Xã Mường Phăng' }],
      [4, { full_name: 'Lò Thị Ín', birth_date: '1970', sex: 'F', personal_id: null, relation_to_head: 'Vợ', household_book_no: '123456', birthplace: 'Xã Mường Phăng' }],
      [5, { full_name: 'Lò Văn Em', birth_date: '1995-06-05', sex: 'M', personal_id: null, relation_to_head: 'Con', household_book_no: '123456', birthplace: null }],
    ]);
  });

  it('the head\'s ID written on every member\'s row is not the members\' ID (they stay apart)', async () => {
    const csv = [
      'Họ và tên,Năm sinh,Giới tính,Số ĐDCN chủ hộ,Quan hệ với chủ hộ',
      'Giàng A Páo,1980,Nam,011080001234,Chủ hộ',
      'Vừ Thị Dợ,1982,Nữ,011080001234,Vợ',
      'Giàng A Sử,2005,Nam,011080001234,Con',
    ].join('\n');
    const { report, persons } = await importFiles({ 'ho-giang.csv': csv });
    expect(report).toMatchObject({ records_in: 3, new: 3, merged: 0 });
    expect(persons.map((p) => [p.full_name, p.personal_id])).toEqual([['Giàng A Páo', null], ['Vừ Thị Dợ', null], ['Giàng A Sử', null]]);
  });

  it('a "Chủ hộ" group over the head\'s name and ID: members keep their own names and are not merged into the head', async () => {
    const csv = [
      'STT,Chủ hộ,,Thành viên trong hộ,,,',
      ',Họ và tên,Số ĐDCN,Họ và tên,Năm sinh,Quan hệ với chủ hộ,Số ĐDCN',
      '1,Giàng A Páo,011080001234,Giàng A Páo,1980,Chủ hộ,011080001234',
      '2,Giàng A Páo,011080001234,Vừ Thị Dợ,1982,Vợ,',
      '3,Giàng A Páo,011080001234,Giàng A Sử,2005,Con,',
    ].join('\n');
    const { report, persons } = await importFiles({ 'ho-giang-nhom.csv': csv });
    expect(report).toMatchObject({ records_in: 3, new: 3, merged: 0, flagged: 0 });
    expect(persons.map((p) => [p.full_name, p.personal_id, p.relation_to_head])).toEqual([
      ['Giàng A Páo', '011080001234', 'Chủ hộ'], ['Vừ Thị Dợ', null, 'Vợ'], ['Giàng A Sử', null, 'Con'],
    ]);
  });

  it('three header rows (group row, labels, Nam | Nữ under Năm sinh): the sub-label row is no person', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Bản Phăng');
      ws.getRow(1).values = ['STT', 'Thông tin nhân khẩu', '', '', '', 'Giấy tờ', 'Hộ', ''];
      ws.mergeCells('B1:E1');
      ws.mergeCells('G1:H1');
      ws.getRow(2).values = ['', 'Họ và tên', 'Năm sinh', '', 'Dân tộc', 'Số ĐDCN', 'Quan hệ với chủ hộ', 'Số hộ khẩu'];
      ws.mergeCells('C2:D2');
      ws.getCell('C3').value = 'Nam';
      ws.getCell('D3').value = 'Nữ';
      ws.getRow(4).values = ['1', 'Lò Văn Pánh', '1968', '', 'Thái', '011068001234', 'Chủ hộ', '123456'];
      ws.getRow(5).values = ['2', 'Lò Thị Ín', '', '1970', 'Thái', '', 'Vợ', '123456'];
    });
    const { report, persons } = await importFiles({ 'ban-phang.xlsx': bytes });
    expect(report).toMatchObject({ records_in: 2, new: 2, rejected: 0 });
    expect(persons.map((p) => [rowOf(p), p.full_name, p.birth_date, p.sex])).toEqual([
      [4, 'Lò Văn Pánh', '1968', 'M'],
      [5, 'Lò Thị Ín', '1970', 'F'],
    ]);
  });

  it('a narrow list keeps every row after a birth date written in words', async () => {
    const csv = ['Họ và tên,Ngày sinh', 'Quàng Văn Một,ngày 12 tháng 3 năm 1968', 'Quàng Văn Hai,1970', 'Quàng Thị Ba,00/00/1972'].join('\n');
    const { report, persons } = await importFiles({ 'hep.csv': csv });
    expect(report).toMatchObject({ records_in: 3, new: 3 });
    expect(persons.map((p) => [p.full_name, p.birth_date])).toEqual([
      ['Quàng Văn Một', '1968-03-12'], ['Quàng Văn Hai', '1970'], ['Quàng Thị Ba', '1972'],
    ]);
  });

  it('a UTF-8 BOM in front of Windows-1258 bytes', async () => {
    const text = ['Họ và tên,Năm sinh,Dân tộc', 'Nguyễn Thị Hường,1970,Kinh', 'Đặng Quốc Việt,1980,Kinh'].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCp1258Bytes(text))]);
    const { report, persons } = await importFiles({ 'bom-1258.csv': bytes });
    expect(report).toMatchObject({ records_in: 2, new: 2 });
    expect(persons.map((p) => p.full_name)).toEqual(['Nguyễn Thị Hường', 'Đặng Quốc Việt']);
  });

  it('a workbook named .csv and a CSV named .xlsx are read for what they are; an empty file is reported', async () => {
    const workbook = await xlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['Họ và tên', 'Năm sinh']);
      ws.addRow(['Lò Văn Pánh', 1968]);
    });
    const { report, persons } = await importFiles({
      'a-workbook.csv': workbook,
      'b-list.xlsx': 'Họ và tên,Năm sinh\r\nGiàng A Páo,1980\r\n',
      'c-empty.csv': '',
    });
    expect(persons.map((p) => [p.full_name, p.sources[0].file, p.sources[0].sheet, p.sources[0].row])).toEqual([
      ['Lò Văn Pánh', 'a-workbook.csv', 'Sheet1', 2],
      ['Giàng A Páo', 'b-list.xlsx', null, 2],
    ]);
    const empty = report.files.find((f: any) => f.name === 'c-empty.csv');
    expect(empty.status).toBe('failed');
    expect(empty.error).toMatch(/Tệp rỗng/);
  });
});
