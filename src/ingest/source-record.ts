/**
 * The shape every extractor produces: one input record (a spreadsheet row or a scanned member page)
 * as raw strings, with where it came from and how sure we are of each field.
 *
 * @example
 * const rec: SourceRecord = {
 *   locator: { file: 'ban-na-ngam.csv', sheet: null, row: 7, page: null },
 *   raw: { full_name: 'LÒ VĂN PÁNH', birth_date: '1968', sex: 'Nam' },
 *   confidence: {},
 *   householdKey: 'book:123456',
 * };
 */

/** Raw field names a column or an OCR label can map to. */
export const RAW_FIELDS = [
  'seq', // STT
  'full_name', // Họ và tên
  'family_middle', // "Họ và chữ đệm" when the given name has its own column
  'given_name', // Tên
  'other_name', // Tên gọi khác
  'birth_date', // Ngày sinh / Ngày tháng năm sinh / Năm sinh (date, year or Excel serial)
  'birth_day', // Ngày (separate column)
  'birth_month', // Tháng
  'birth_year', // Năm
  'birth_year_male', // "Năm sinh" split into Nam / Nữ: the column holding the year gives the sex
  'birth_year_female',
  'sex', // Giới tính
  'ethnicity', // Dân tộc
  'religion', // Tôn giáo
  'nationality', // Quốc tịch
  'personal_id', // Số định danh cá nhân / CCCD (12 digits)
  'old_id', // CMND (9 digits)
  'id_any', // "CCCD/CMND": decided by length
  'birthplace', // Nơi sinh
  'native_place', // Nguyên quán / Quê quán
  'occupation', // Nghề nghiệp
  'household_book_no', // Số sổ HK / Số hộ khẩu / Mã hộ
  'relation_to_head', // Quan hệ với chủ hộ
  'household_head', // Họ tên chủ hộ (when written on each row)
  'address', // Địa chỉ / Nơi thường trú (one column)
  'hamlet', // Thôn / Bản / Tổ / Xóm
  'commune', // Xã / Phường / Thị trấn
  'district', // Huyện / Thị xã / Thành phố
  'province', // Tỉnh
  'note', // Ghi chú
] as const;

export type RawField = (typeof RAW_FIELDS)[number];

/** Where a record came from. `row` is the 1-based row a spreadsheet program shows (CSV: the record's line). */
export interface SourceLocator {
  /** Base name of the input file. */
  file: string;
  /** Sheet name for XLSX, null for CSV and scans. */
  sheet: string | null;
  row: number | null;
  /** 1-based page for scans, null for spreadsheets. */
  page: number | null;
}

export interface SourceRecord {
  locator: SourceLocator;
  /** Raw cell text (already decoded to Unicode NFC), only for fields present. */
  raw: Partial<Record<RawField, string>>;
  /** Per-field confidence in [0, 1]; a missing entry means 1.0 (typed data). */
  confidence: Partial<Record<RawField, number>>;
  /**
   * Groups members of one household within a file: `book:<number>` when a book number is known,
   * otherwise `block:<sheet>:<n>` for the n-th household block of the sheet; null when unknown.
   */
  householdKey: string | null;
  /** Scanned records only: per field, what OCR read before post-correction and the crop shown to reviewers. */
  scan?: Partial<Record<RawField, ScannedField>>;
}

/** What a reviewer needs about a field read from a scanned page. */
export interface ScannedField {
  /** The entry exactly as OCR read it. */
  ocrText: string;
  /** Path of a PNG crop of the field's region, relative to the run's `--out` folder; null when none was saved. */
  crop: string | null;
}

/** What one sheet (or a CSV file) yields. */
export interface SheetExtract {
  /** Sheet name; null for CSV. */
  sheet: string | null;
  records: SourceRecord[];
  /** Vietnamese message when the whole sheet was rejected (no header, no name column…); records is then empty. */
  error: string | null;
}

/** A sheet as a grid of cell strings, before its header is found. */
export interface Grid {
  sheet: string | null;
  rows: GridRow[];
}

export interface GridRow {
  /** 1-based row number as a spreadsheet program shows it (CSV: line where the record starts). */
  rowNumber: number;
  /** Cell text, NFC, legacy encodings already converted; '' for empty cells. */
  cells: string[];
}
