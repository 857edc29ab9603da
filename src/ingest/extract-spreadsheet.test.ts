import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { extractSpreadsheet, UnreadableFileError } from './extract-spreadsheet.js';
import type { InputKind } from './discover-files.js';

const CSV = 'Họ và tên,Năm sinh,Dân tộc\r\nLò Văn Pánh,1968,Thái\r\nLò Thị Ín,1970,Thái\r\n';

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bản Na Ngam');
  ws.addRow(['Họ và tên', 'Năm sinh', 'Dân tộc']);
  ws.addRow(['Lò Văn Pánh', 1968, 'Thái']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('extractSpreadsheet reads what the bytes are, not what the name says', () => {
  it.each<[string, InputKind, () => Promise<Buffer>, (string | null)[], string[]]>([
    ['a workbook saved as .csv', 'csv', xlsxBytes, ['Bản Na Ngam'], ['Lò Văn Pánh']],
    ['a CSV list named .xlsx', 'xlsx', async () => Buffer.from(CSV), [null], ['Lò Văn Pánh', 'Lò Thị Ín']],
    ['a tab-separated UTF-16 list named .xls', 'xls',
      async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV.replace(/,/g, '\t'), 'utf16le')]), [null], ['Lò Văn Pánh', 'Lò Thị Ín']],
  ])('%s', async (_name, kind, bytes, sheets, names) => {
    const out = await extractSpreadsheet({ name: 'ds', kind }, await bytes());
    expect(out.map((s) => s.sheet)).toEqual(sheets);
    expect(out.flatMap((s) => s.records.map((r) => r.raw.full_name))).toEqual(names);
  });

  it.each<[string, InputKind, Buffer, RegExp]>([
    ['a 0-byte .xlsx', 'xlsx', Buffer.alloc(0), /Tệp rỗng/],
    ['a 0-byte .csv', 'csv', Buffer.alloc(0), /Tệp rỗng/],
    ['a .csv holding only a BOM and line breaks', 'csv', Buffer.from('\ufeff\r\n\r\n'), /Tệp rỗng/],
    ['a web page saved as .xls is still explained as one', 'xls', Buffer.from('<html><table><tr><td>Họ và tên</td></tr></table></html>'), /HTML|trang web/i],
  ])('%s is refused with a message', async (_name, kind, bytes, message) => {
    await expect(extractSpreadsheet({ name: 'ds', kind }, bytes)).rejects.toThrow(UnreadableFileError);
    await expect(extractSpreadsheet({ name: 'ds', kind }, bytes)).rejects.toThrow(message);
  });
});
