import { describe, it, expect } from 'vitest';
import { guessDelimiter, readCsvGrid } from './csv-reader.js';
import { latin1Bytes, toTcvn3View, toVniView, utf16Bytes } from './legacy-test-helpers.js';

const utf8 = (t: string): Uint8Array => new TextEncoder().encode(t);
const rowsOf = (bytes: Uint8Array) => readCsvGrid(bytes).grid.rows.map((r) => [r.rowNumber, r.cells] as const);

describe('readCsvGrid row numbers', () => {
  it('counts newlines inside quoted fields of earlier records, CRLF and blank lines', () => {
    const csv =
      'DANH SÁCH NHÂN KHẨU\r\n' +
      '\r\n' +
      'STT,Họ và tên,Địa chỉ\r\n' +
      '1,Lò Văn Pánh,"Bản Na Ngam,\r\nxã Na Ư"\r\n' +
      '2,  Quàng Thị Ưng  ,"Mường Chà"\r\n' +
      '3,"Giàng A\nPáo","Tủa Chùa\n\nĐiện Biên"\r\n' +
      '4,Nguyễn Thị Thuỷ,Điện Biên Phủ\r\n\r\n';
    expect(rowsOf(utf8(csv))).toEqual([
      [1, ['DANH SÁCH NHÂN KHẨU']],
      [2, ['']],
      [3, ['STT', 'Họ và tên', 'Địa chỉ']],
      [4, ['1', 'Lò Văn Pánh', 'Bản Na Ngam,\nxã Na Ư']],
      [6, ['2', 'Quàng Thị Ưng', 'Mường Chà']],
      [7, ['3', 'Giàng A\nPáo', 'Tủa Chùa\n\nĐiện Biên']],
      [11, ['4', 'Nguyễn Thị Thuỷ', 'Điện Biên Phủ']], // record 3 spans lines 7–10
    ]);
  });

  it('handles old Mac line breaks (CR only)', () => {
    expect(rowsOf(utf8('a,b\r1,"x\ry"\r2,z')).map((r) => r[0])).toEqual([1, 2, 4]);
  });
});

describe('delimiter', () => {
  it.each([
    ['comma', 'STT,Họ tên,Năm sinh\n1,Lò Văn Pánh,1968\n2,Giàng A Páo,1970\n', ','],
    ['semicolon with unquoted commas in addresses', 'STT;Họ tên;Địa chỉ\n1;Lò Văn Pánh;Bản Na Ngam, xã Na Ư\n2;Giàng A Páo;Tủa Chùa\n3;Sùng Thị Mỷ;Bản Huổi Lếch, xã Mường Nhé, Điện Biên\n', ';'],
    ['tab with commas in cells', 'STT\tHọ tên\tĐịa chỉ\n1\tLò Văn Pánh\tBản Na Ngam, xã Na Ư\n2\tGiàng A Páo\tTủa Chùa, Điện Biên\n', '\t'],
    ['title lines above the header', 'DANH SÁCH\nXã Mường Phăng\nSTT;Họ tên;Năm sinh\n1;Lò Văn Pánh;1968\n', ';'],
    ['commas inside quoted fields', 'STT,Họ tên,Địa chỉ\n1,Lò Văn Pánh,"Na Ngam; Na Ư; Điện Biên"\n2,Giàng A Páo,"Tủa Chùa; Điện Biên"\n', ','],
  ])('%s', (_name, text, expected) => expect(guessDelimiter(text)).toBe(expected));

  it('reads Excel "Unicode text" (UTF-16LE, tab-separated)', () => {
    const { grid, encoding, delimiter } = readCsvGrid(utf16Bytes('Họ và tên\tDân tộc\r\nLò Văn Pánh\tThái\r\n', 'le', true));
    expect({ encoding, delimiter }).toEqual({ encoding: 'utf-16le', delimiter: '\t' });
    expect(grid).toEqual({
      sheet: null,
      rows: [
        { rowNumber: 1, cells: ['Họ và tên', 'Dân tộc'] },
        { rowNumber: 2, cells: ['Lò Văn Pánh', 'Thái'] },
      ],
    });
  });
});

describe('legacy encodings through the CSV reader', () => {
  const UNICODE = 'Họ và tên;Dân tộc;Địa chỉ\nLò Văn Pánh;Thái;"Bản Na Ngam,\nxã Na Ư"\nVừ A Dính;Mông;Nậm Pồ\nLò Thị Thò;Thái;Mường Chà\n';
  const EXPECTED = [
    [1, ['Họ và tên', 'Dân tộc', 'Địa chỉ']],
    [2, ['Lò Văn Pánh', 'Thái', 'Bản Na Ngam,\nxã Na Ư']],
    [4, ['Vừ A Dính', 'Mông', 'Nậm Pồ']],
    [5, ['Lò Thị Thò', 'Thái', 'Mường Chà']],
  ];
  it.each([
    ['TCVN3 bytes', latin1Bytes(toTcvn3View(UNICODE)), 'tcvn3'],
    ['VNI bytes', latin1Bytes(toVniView(UNICODE)), 'vni'],
    ['UTF-8 holding VNI text', utf8(toVniView(UNICODE)), 'vni'],
  ])('%s', (_name, bytes, encoding) => {
    expect(readCsvGrid(bytes).encoding).toBe(encoding);
    expect(rowsOf(bytes)).toEqual(EXPECTED);
  });

  it('restores an all-caps TCVN3 name column', () => {
    const bytes = latin1Bytes(toTcvn3View('Họ và tên,Năm sinh\nLÒ VĂN PÁNH,1968\nQUÀNG THỊ ƯNG,1970\n'));
    expect(rowsOf(bytes).map((r) => r[1][0])).toEqual(['Họ và tên', 'LÒ VĂN PÁNH', 'QUÀNG THỊ ƯNG']);
  });
});

describe('large files', () => {
  it('reads 100k TCVN3 rows in linear time', () => {
    const names = ['Lò Văn Pánh', 'Quàng Thị Ưng', 'Giàng A Páo', 'Nguyễn Thị Thuỷ', 'Cầm Văn Ơn'];
    const lines = ['STT,Họ và tên,Năm sinh,Địa chỉ'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},${names[i % 5]} ${i % 97},${1950 + (i % 60)},"Bản ${i % 300}, xã Mường Phăng"`);
    const bytes = latin1Bytes(toTcvn3View(lines.join('\r\n')));
    const started = performance.now();
    const { grid, encoding } = readCsvGrid(bytes);
    const elapsed = performance.now() - started;
    expect(encoding).toBe('tcvn3');
    expect(grid.rows).toHaveLength(100_001);
    expect(grid.rows[100_000]).toEqual({ rowNumber: 100_001, cells: ['100000', 'Lò Văn Pánh 90', '1990', 'Bản 100, xã Mường Phăng'] });
    expect(elapsed).toBeLessThan(15_000); // a quadratic step would take minutes
  }, 60_000);
});
