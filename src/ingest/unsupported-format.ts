/**
 * Recognising spreadsheet bytes we do not read, and the error that tells the user what to do about them.
 *
 * hokhau reads only .xlsx (and CSV elsewhere). Old BIFF `.xls` files are refused on purpose: the only
 * npm reader for them (`xlsx` on the registry) is an unmaintained copy with known vulnerabilities, and
 * Excel or LibreOffice converts them losslessly in one "Save As".
 */

/** What the first bytes of a file say it is. */
export type SpreadsheetKind = 'xlsx' | 'xls' | 'unknown';

/** Why a spreadsheet could not be read; lets a report group failures without parsing messages. */
export type UnsupportedReason =
  | 'xls' // BIFF workbook in an OLE compound file
  | 'encrypted' // password-protected .xlsx (also an OLE compound file)
  | 'html' // a web page or HTML table saved with an .xls name (common export of older web software)
  | 'xml2003' // Excel 2003 "XML Spreadsheet"
  | 'ods' // OpenDocument spreadsheet
  | 'empty' // zero bytes
  | 'corrupt' // a zip that is truncated or damaged, or an .xlsx whose parts do not parse
  | 'no-sheets' // a readable zip that holds no worksheet (not an Excel workbook)
  | 'unknown'; // anything else

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Local file header, empty archive, spanned archive.
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** ODF puts an uncompressed `mimetype` entry first, so its value sits in the first bytes of the zip. */
function isOds(bytes: Uint8Array): boolean {
  return asBuffer(bytes).subarray(0, 200).toString('latin1').includes(ODS_MIMETYPE);
}

/**
 * Tells .xlsx (a zip) from legacy .xls (an OLE compound file) by the signature, never by the file name.
 * An OLE file is reported as 'xls' even when it is a password-protected .xlsx; `describeUnsupported`
 * tells those apart.
 *
 * @example
 * sniffSpreadsheetKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])); // 'xls'
 * sniffSpreadsheetKind(Buffer.from('PK\x03\x04…', 'latin1')); // 'xlsx'
 */
export function sniffSpreadsheetKind(bytes: Uint8Array): SpreadsheetKind {
  if (startsWith(bytes, OLE_SIGNATURE)) return 'xls';
  if (ZIP_SIGNATURES.some((sig) => startsWith(bytes, sig))) return isOds(bytes) ? 'unknown' : 'xlsx';
  return 'unknown';
}

/**
 * A spreadsheet hokhau cannot read. The message is Vietnamese first (what to do), then English (for logs).
 *
 * @example
 * try { await readXlsxGrids(bytes); }
 * catch (e) { if (e instanceof UnsupportedSpreadsheetError) report(file, e.reason, e.message); }
 */
export class UnsupportedSpreadsheetError extends Error {
  readonly reason: UnsupportedReason;

  constructor(reason: UnsupportedReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnsupportedSpreadsheetError';
    this.reason = reason;
  }
}

const SAVE_AS_XLSX_VI = 'Hãy mở tệp bằng Microsoft Excel hoặc LibreOffice Calc rồi chọn "Lưu thành" (Save As) kiểu "Excel Workbook (.xlsx)" và nạp lại tệp .xlsx đó.';
const SAVE_AS_XLSX_EN = 'Open it in Excel or LibreOffice and save it as .xlsx.';

/** Guesses a text file's kind from its first characters (HTML table or Excel 2003 XML saved as .xls). */
function sniffText(bytes: Uint8Array): 'html' | 'xml2003' | null {
  const head = asBuffer(bytes).subarray(0, 4096).toString('latin1').replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && head.startsWith('<?xml')) return 'xml2003';
  if (head.startsWith('<') && /<(html|table|!doctype html)/.test(head)) return 'html';
  return null;
}

/** OOXML encryption stores the workbook as an "EncryptedPackage" stream (UTF-16LE name) in an OLE file. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return asBuffer(bytes).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
}

/**
 * Builds the error for bytes that `sniffSpreadsheetKind` did not call 'xlsx'.
 *
 * @example
 * throw describeUnsupported(bytes); // UnsupportedSpreadsheetError('xls', 'Tệp này là định dạng Excel cũ (.xls)…')
 */
export function describeUnsupported(bytes: Uint8Array): UnsupportedSpreadsheetError {
  if (bytes.length === 0) {
    return new UnsupportedSpreadsheetError('empty', 'Tệp rỗng (0 byte), không có dữ liệu để đọc. — The file is empty (0 bytes).');
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (isEncryptedOoxml(bytes)) {
      return new UnsupportedSpreadsheetError(
        'encrypted',
        'Tệp Excel này được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xoá mật khẩu), lưu lại dạng .xlsx rồi nạp lại. — The workbook is password-protected (encrypted); remove the password in Excel and save it as .xlsx.',
      );
    }
    return new UnsupportedSpreadsheetError(
      'xls',
      `Tệp này là định dạng Excel cũ (.xls, Excel 97–2003), hokhau không đọc định dạng này. ${SAVE_AS_XLSX_VI} — Legacy .xls (BIFF) workbooks are not supported. ${SAVE_AS_XLSX_EN}`,
    );
  }
  if (startsWith(bytes, ZIP_SIGNATURES[0]) && isOds(bytes)) {
    return new UnsupportedSpreadsheetError(
      'ods',
      `Tệp này là bảng tính OpenDocument (.ods), không phải .xlsx. ${SAVE_AS_XLSX_VI} — OpenDocument spreadsheets (.ods) are not supported. ${SAVE_AS_XLSX_EN}`,
    );
  }
  const textKind = sniffText(bytes);
  if (textKind === 'html') {
    return new UnsupportedSpreadsheetError(
      'html',
      `Tệp này thực chất là trang web (HTML) mang đuôi Excel, không phải bảng tính .xlsx thật. ${SAVE_AS_XLSX_VI} — The file is an HTML page with a spreadsheet name, not a real workbook. ${SAVE_AS_XLSX_EN}`,
    );
  }
  if (textKind === 'xml2003') {
    return new UnsupportedSpreadsheetError(
      'xml2003',
      `Tệp này là định dạng "XML Spreadsheet 2003" của Excel, không phải .xlsx. ${SAVE_AS_XLSX_VI} — Excel 2003 XML Spreadsheet files are not supported. ${SAVE_AS_XLSX_EN}`,
    );
  }
  return new UnsupportedSpreadsheetError(
    'unknown',
    'Tệp không phải là bảng tính Excel .xlsx (nội dung không có chữ ký của tệp .xlsx). Hãy kiểm tra lại tệp, hoặc mở bằng Excel rồi lưu lại dạng .xlsx. — Not an .xlsx workbook (no zip signature).',
  );
}

/**
 * Builds the error for an .xlsx whose zip or XML could not be read, naming the problem for the user.
 *
 * @example
 * describeCorruptXlsx(new Error("End of data reached (data length = 2048, asked index = 4096). Corrupted zip ?"));
 * // reason 'corrupt', message starts "Tệp .xlsx bị cắt cụt hoặc hỏng…"
 */
export function describeCorruptXlsx(cause: unknown): UnsupportedSpreadsheetError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const lower = detail.toLowerCase();
  let problemVi: string;
  if (/crc32|invalid (distance|block|code|stored|literal)|too far back|inflate|deflate|compress/.test(lower)) {
    problemVi = 'Dữ liệu nén bên trong tệp .xlsx bị hỏng (sai mã kiểm tra)';
  } else if (/end of data|central directory|corrupted zip|zip64|unexpected end|truncated/.test(lower)) {
    problemVi = 'Tệp .xlsx bị cắt cụt hoặc hỏng phần nén zip (thường do sao chép hoặc tải về chưa xong)';
  } else if (/xml|sax|tag|attribute|entity|unclosed|text data outside/.test(lower)) {
    problemVi = 'Nội dung XML bên trong tệp .xlsx bị lỗi (tệp có thể do phần mềm khác tạo ra sai chuẩn hoặc đã bị sửa hỏng)';
  } else {
    problemVi = 'Tệp .xlsx bị hỏng, không đọc được';
  }
  return new UnsupportedSpreadsheetError(
    'corrupt',
    `${problemVi}. Hãy lấy lại bản gốc, hoặc mở bằng Excel (Excel có thể tự sửa) rồi lưu lại dạng .xlsx. — Corrupt or truncated .xlsx: ${detail}`,
    { cause },
  );
}

/**
 * Builds the error for a zip that holds no worksheet (a Word document, a zipped folder…).
 *
 * @example
 * if (workbook.worksheets.length === 0) throw describeNoSheets();
 */
export function describeNoSheets(): UnsupportedSpreadsheetError {
  return new UnsupportedSpreadsheetError(
    'no-sheets',
    'Không tìm thấy trang tính nào trong tệp: đây có thể là tệp Word hoặc tệp nén khác, hoặc tệp .xlsx do phần mềm khác xuất ra theo dạng không chuẩn. Nếu Excel mở được tệp, hãy lưu lại bằng Excel dạng .xlsx rồi nạp lại. — No worksheet found: not an Excel workbook, or one written in a form the reader does not understand (re-save it in Excel).',
  );
}
