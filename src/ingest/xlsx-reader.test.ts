import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { VIETNAMESE_LETTERS } from './legacy-encoding-tables.js';
import type { Grid } from './source-record.js';
import { parseRangeRef, readXlsxGrids, sniffSpreadsheetKind, UnsupportedSpreadsheetError } from './xlsx-reader.js';

const TCVN3 = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l.tcvn3]));
const VNI = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l.vni]));
const tcvn3 = (s: string) => [...s].map((ch) => TCVN3.get(ch) ?? ch).join('');
const vni = (s: string) => [...s].map((ch) => VNI.get(ch) ?? ch).join('');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hokhau-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the workbook to a real .xlsx file and returns the file's bytes. */
async function writeXlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return readFile(path);
}

/** Row by Excel row number, so assertions read like the sheet. */
function row(grid: Grid, rowNumber: number): string[] | undefined {
  return grid.rows.find((r) => r.rowNumber === rowNumber)?.cells;
}

describe('readXlsxGrids: sheets and rows', () => {
  it('returns every worksheet in order, empty and hidden ones included', async () => {
    const bytes = await writeXlsx('sheets.xlsx', (wb) => {
      wb.addWorksheet('Bản Na Ngám').addRow(['STT', 'Họ và tên']);
      wb.addWorksheet('Sheet2');
      const hidden = wb.addWorksheet('Thôn Co Mỵ', { state: 'hidden' });
      hidden.getCell('C4').value = 'Quàng Văn Ún';
    });
    const grids = await readXlsxGrids(bytes);
    expect(grids.map((g) => g.sheet)).toEqual(['Bản Na Ngám', 'Sheet2', 'Thôn Co Mỵ']);
    expect(grids[0].rows).toEqual([{ rowNumber: 1, cells: ['STT', 'Họ và tên'] }]);
    expect(grids[1].rows).toEqual([]);
    expect(grids[2].rows).toEqual([{ rowNumber: 4, cells: ['', '', 'Quàng Văn Ún'] }]);
  });

  it('keeps Excel row numbers across blank rows, drops rows without text, pads rows to the used width', async () => {
    const bytes = await writeXlsx('rows.xlsx', (wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A3').value = 'UBND XÃ MƯỜNG PHĂNG';
      ws.getCell('A5').value = 'STT';
      ws.getCell('B5').value = 'Họ và tên';
      ws.getCell('E5').value = 'Ghi chú';
      ws.getCell('A6').value = 1;
      ws.getCell('B6').value = '  Lò Văn Pánh  ';
      ws.getRow(7).getCell(2).font = { bold: true }; // styled but empty row
      ws.getCell('A9').value = 2;
      ws.getCell('B9').value = 'Lò Thị Ưng';
    });
    const [grid] = await readXlsxGrids(bytes);
    expect(grid.rows.map((r) => r.rowNumber)).toEqual([3, 5, 6, 9]);
    expect(row(grid, 3)).toEqual(['UBND XÃ MƯỜNG PHĂNG', '', '', '', '']);
    expect(row(grid, 6)).toEqual(['1', 'Lò Văn Pánh', '', '', '']);
    expect(grid.rows.every((r) => r.cells.length === 5)).toBe(true);
  });
});

describe('readXlsxGrids: merged cells', () => {
  it('gives every cell of a merged range the master text (book number down a household block)', async () => {
    const bytes = await writeXlsx('merges.xlsx', (wb) => {
      const ws = wb.addWorksheet('HK');
      ws.getCell('A1').value = 'DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ';
      ws.mergeCells('A1:D1');
      ws.addRow([]);
      ws.getRow(3).values = ['STT', 'Số sổ HK', 'Họ và tên', 'Quan hệ'];
      ws.getRow(4).values = [1, '012345678', 'Lò Văn Pánh', 'Chủ hộ'];
      ws.getRow(5).values = [2, null, 'Cà Thị Ón', 'Vợ'];
      ws.getRow(6).values = [3, null, 'Lò Văn Ún', 'Con'];
      ws.mergeCells('B4:B6');
      ws.getRow(8).values = [4, 110234567, 'Quàng Văn Dũng', 'Chủ hộ'];
      ws.getRow(9).values = [5, null, 'Lường Thị Xuân', 'Vợ'];
      ws.mergeCells('B8:B9');
      // A note merged far below the data must not create thousands of rows.
      ws.getCell('D9').value = 'Chuyển đến 2019';
      ws.mergeCells('D9:D3000');
    });
    const [grid] = await readXlsxGrids(bytes);
    expect(row(grid, 1)).toEqual(Array(4).fill('DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ'));
    expect([4, 5, 6].map((r) => row(grid, r)?.[1])).toEqual(['012345678', '012345678', '012345678']);
    expect([8, 9].map((r) => row(grid, r)?.[1])).toEqual(['110234567', '110234567']);
    expect(row(grid, 9)?.[3]).toBe('Chuyển đến 2019');
    expect(grid.rows.at(-1)?.rowNumber).toBe(9);
  });

  it('converts a merged master in a legacy font once and copies it', async () => {
    const bytes = await writeXlsx('merge-font.xlsx', (wb) => {
      const ws = wb.addWorksheet('HK');
      ws.getCell('A2').value = tcvn3('bản co mỵ');
      ws.getCell('A2').font = { name: '.VnTimeH' };
      ws.mergeCells('A2:A4');
      ws.getCell('B2').value = 'x';
      ws.getCell('B4').value = 'y';
    });
    const [grid] = await readXlsxGrids(bytes);
    expect(grid.rows.map((r) => r.cells[0])).toEqual(['BẢN CO MỴ', 'BẢN CO MỴ', 'BẢN CO MỴ']);
  });
});

describe('readXlsxGrids: values', () => {
  it('renders dates, serials, IDs, formulas, rich text, hyperlinks, booleans and errors as Excel shows them', async () => {
    const bytes = await writeXlsx('values.xlsx', (wb) => {
      const ws = wb.addWorksheet('Giá trị');
      const put = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
        ws.getCell(address).value = value;
        if (numFmt) ws.getCell(address).numFmt = numFmt;
      };
      put('A1', new Date(Date.UTC(1968, 2, 12)));
      put('A2', new Date(Date.UTC(2003, 11, 31)), 'dd/mm/yyyy');
      put('A3', 25000, 'dd/mm/yyyy');
      put('A4', 25000, 'dd" tháng "mm" năm "yyyy');
      put('A5', 25000); // a serial with no date format stays a number for normalize to judge
      put('A6', 1968);
      put('B1', 123456789012);
      put('B2', 11096000123, '000000000000');
      put('B3', '001234567890');
      put('B4', 0.1 + 0.2);
      put('B5', 12.0);
      put('C1', { formula: 'B1', result: 123456789012 });
      put('C2', { formula: 'A3+1', result: 25001 }, 'dd/mm/yyyy');
      put('C3', { formula: 'VLOOKUP(1,X:Y,2,0)', result: { error: '#N/A' } });
      put('C4', { formula: 'D1&" "&D2', result: 'Lò Văn' });
      put('D1', { richText: [{ text: 'Lò ', font: { bold: true } }, { text: 'Văn Pánh' }] });
      put('D2', { text: 'Xã Mường Phăng', hyperlink: 'https://example.vn/muong-phang' });
      put('D3', true);
      put('D4', { error: '#REF!' });
      put('D5', 'Nguyễn Thị Thuỷ'.normalize('NFD'));
    });
    const [grid] = await readXlsxGrids(bytes);
    const col = (i: number) => grid.rows.map((r) => r.cells[i]);
    expect(col(0)).toEqual(['12/03/1968', '31/12/2003', '11/06/1968', '11/06/1968', '25000', '1968']);
    expect(col(1)).toEqual(['123456789012', '011096000123', '001234567890', '0.3', '12', '']);
    expect(col(2)).toEqual(['123456789012', '12/06/1968', '', 'Lò Văn', '', '']);
    expect(col(3)).toEqual(['Lò Văn Pánh', 'Xã Mường Phăng', 'TRUE', '', 'Nguyễn Thị Thuỷ', '']);
  });

  it('reads dates of a 1904-based workbook', async () => {
    const bytes = await writeXlsx('date1904.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = new Date(Date.UTC(1968, 5, 11));
      ws.getCell('A2').value = 23538;
      ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    });
    const [grid] = await readXlsxGrids(bytes);
    expect(grid.rows.map((r) => r.cells[0])).toEqual(['11/06/1968', '11/06/1968']);
  });
});

describe('readXlsxGrids: legacy font encodings', () => {
  it('converts TCVN3 (.VnTime), capital .VnTimeH, VNI-Times, rich-text runs and unfonted legacy text', async () => {
    const bytes = await writeXlsx('legacy.xlsx', (wb) => {
      const ws = wb.addWorksheet('DS');
      const put = (address: string, value: ExcelJS.CellValue, font?: string) => {
        ws.getCell(address).value = value;
        if (font) ws.getCell(address).font = { name: font, size: 13 };
      };
      put('A1', tcvn3('họ và tên'), '.VnTimeH');
      put('B1', tcvn3('ngày sinh'), '.VnArialH');
      put('A2', tcvn3('Nguyễn Văn Mường'), '.VnTime');
      put('B2', tcvn3('Đinh Thị Thuỷ'), '.VnArial');
      put('A3', vni('Quàng Thị Ưng'), 'VNI-Times');
      put('B3', vni('Lường Văn Đức'), 'VNI-Helve');
      put('A4', {
        richText: [
          { text: tcvn3('lò văn '), font: { name: '.VnTimeH' } },
          { text: vni('Pánh'), font: { name: 'VNI-Times' } },
        ],
      });
      put('B4', tcvn3('Mường Phăng, Điện Biên'), 'Times New Roman'); // font lost, detector decides
      put('A5', 'Nguyễn Văn Mường', '.VnTime'); // already Unicode: left alone
      put('B5', 1968, '.VnTimeH');
    });
    const [grid] = await readXlsxGrids(bytes);
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['HỌ VÀ TÊN', 'NGÀY SINH'],
      ['Nguyễn Văn Mường', 'Đinh Thị Thuỷ'],
      ['Quàng Thị Ưng', 'Lường Văn Đức'],
      ['LÒ VĂN Pánh', 'Mường Phăng, Điện Biên'],
      ['Nguyễn Văn Mường', '1968'],
    ]);
  });
});

describe('unsupported and damaged files', () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]);
  const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')]);
  const html = Buffer.from('\uFEFF<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>');
  const xml2003 = Buffer.from(
    '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
  );

  it.each([
    ['xls', ole, 'xls'],
    ['encrypted xlsx', encrypted, 'xls'],
    ['zip', Buffer.from('PK\x03\x04\x14\x00', 'latin1'), 'xlsx'],
    ['ods', Buffer.from('PK\x03\x04' + 'x'.repeat(26) + 'mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK', 'latin1'), 'unknown'],
    ['html', html, 'unknown'],
    ['csv', Buffer.from('STT,Họ và tên\n1,Lò Văn Pánh\n'), 'unknown'],
    ['empty', Buffer.alloc(0), 'unknown'],
  ])('sniffSpreadsheetKind(%s)', (_label, bytes, kind) => {
    expect(sniffSpreadsheetKind(bytes)).toBe(kind);
  });

  it.each([
    ['legacy .xls', ole, 'xls', /Excel cũ \(\.xls/],
    ['password-protected .xlsx', encrypted, 'encrypted', /mật khẩu/],
    ['HTML saved as .xls', html, 'html', /HTML/],
    ['Excel 2003 XML', xml2003, 'xml2003', /XML Spreadsheet 2003/],
    ['empty file', Buffer.alloc(0), 'empty', /Tệp rỗng/],
    ['plain text', Buffer.from('Họ và tên;Năm sinh\n'), 'unknown', /không phải là bảng tính/],
  ])('refuses %s with a Vietnamese message', async (_label, bytes, reason, message) => {
    const err = await readXlsxGrids(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedSpreadsheetError);
    expect((err as UnsupportedSpreadsheetError).reason).toBe(reason);
    expect((err as Error).message).toMatch(message);
    // Vietnamese first, English after.
    expect((err as Error).message.indexOf(' — ')).toBeGreaterThan(0);
  });

  it('tells the user to save an .xls as .xlsx in Excel or LibreOffice', async () => {
    const err = (await readXlsxGrids(new Uint8Array(ole)).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^Tệp này là định dạng Excel cũ/);
    expect(err.message).toContain('LibreOffice');
    expect(err.message).toContain('.xlsx');
  });

  it('names truncation and damage in a corrupt .xlsx', async () => {
    const good = await writeXlsx('good.xlsx', (wb) => {
      wb.addWorksheet('DS').addRow(['Lò Văn Pánh', 1968]);
    });
    const truncated = good.subarray(0, Math.floor(good.length * 0.6));
    const err = (await readXlsxGrids(truncated).catch((e: unknown) => e)) as UnsupportedSpreadsheetError;
    expect(err).toBeInstanceOf(UnsupportedSpreadsheetError);
    expect(err.reason).toBe('corrupt');
    expect(err.message).toMatch(/^Tệp \.xlsx bị cắt cụt/);

    const scrambled = Buffer.from(good);
    for (let i = 100; i < scrambled.length - 100; i += 37) scrambled[i] ^= 0x5a;
    const err2 = (await readXlsxGrids(scrambled).catch((e: unknown) => e)) as UnsupportedSpreadsheetError;
    expect(err2).toBeInstanceOf(UnsupportedSpreadsheetError);
    expect(err2.reason).toBe('corrupt');
  });

  it('refuses a zip that holds no workbook', async () => {
    const good = await writeXlsx('renamed.xlsx', (wb) => {
      wb.addWorksheet('DS').addRow(['x']);
    });
    // Same length name in the local header and the central directory: still a valid zip.
    const noWorkbook = Buffer.from(good.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbooX.xml'), 'latin1');
    const err = (await readXlsxGrids(noWorkbook).catch((e: unknown) => e)) as UnsupportedSpreadsheetError;
    expect(err).toBeInstanceOf(UnsupportedSpreadsheetError);
    expect(err.reason).toBe('no-sheets');
  });
});

describe('parseRangeRef', () => {
  it.each([
    ['B2:B5', { top: 2, left: 2, bottom: 5, right: 2 }],
    ['$A$1:$AB$3', { top: 1, left: 1, bottom: 3, right: 28 }],
    ['c7', { top: 7, left: 3, bottom: 7, right: 3 }],
    ['D9:B2', { top: 2, left: 2, bottom: 9, right: 4 }],
    ['Sheet1!A1', null],
  ])('%s', (ref, expected) => {
    expect(parseRangeRef(ref)).toEqual(expected);
  });
});
