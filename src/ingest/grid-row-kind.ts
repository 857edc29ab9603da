import { foldHeader } from './header-fold.js';

/**
 * What a row under the header is. Only `content` rows become records; the others are layout:
 * - `numbering`: "1 2 3 …" or "(1) (2) …" under the header (and after page breaks);
 * - `repeated_header`: the header printed again at a page break;
 * - `totals`: "Tổng cộng: 125 nhân khẩu", "Cộng hộ: 5 khẩu";
 * - `title`: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "DANH SÁCH …" repeated on a new page;
 * - `section`: one text merged across the row (a group label such as "Thôn Na Ngam");
 * - `footer`: a signature block line ("Người lập biểu", "(Ký, ghi rõ họ tên)", "…, ngày 12 tháng 3 năm 2019").
 */
export type RowKind = 'blank' | 'numbering' | 'repeated_header' | 'totals' | 'title' | 'section' | 'footer' | 'content';

/**
 * Classifies one row below the header.
 *
 * @example
 * classifyRow(['(1)', '(2)', '(3)'], [['STT', 'Họ và tên', 'Năm sinh']]); // 'numbering'
 * classifyRow(['Người lập biểu', '', 'Trưởng Công an xã'], [...]);        // 'footer'
 */
export function classifyRow(cells: string[], headerRows: string[][]): RowKind {
  const texts = cells.map((c) => c.trim());
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return 'blank';
  if (isNumberingRow(filled)) return 'numbering';
  // Fold each cell once: this runs on every data row of every sheet.
  const folded = texts.map(foldHeader);
  if (repeatsHeader(folded, foldedHeader(headerRows))) return 'repeated_header';
  const distinct = [...new Set(folded)].filter((t) => t !== '');
  if (distinct.length === 0) return 'blank';
  if (TOTALS.some((re) => re.test(distinct[0]))) return 'totals';
  if (distinct.length <= 2 && TITLE.test(distinct[0])) return 'title';
  if (distinct.some((t) => FOOTER.some((re) => re.test(t)))) return 'footer';
  if (distinct.length === 1 && filled.length >= 3) return 'section';
  if (isSectionLabel(filled)) return 'section';
  return 'content';
}

const TOTALS = [
  /^(tong cong|tong so|tong hop|cong lai)( |$)/,
  /^cong( (so )?(nhan khau|khau|ho|nguoi|thanh vien))?( \d+.*)?$/,
];

const TITLE =
  /^(cong hoa xa hoi chu nghia viet nam|doc lap tu do hanh phuc|danh sach|so ho khau|so dang ky|bang ke|bang tong hop|bieu mau|mau so|trang \d+)( |$)/;

/** Signature-block wording; tested only on rows that are not clearly a person (see grid-to-records). */
export const FOOTER = [
  /(^| )(nguoi lap( bieu| danh sach| bang)?|nguoi ghi so|nguoi kiem tra|nguoi duyet)( |$)/,
  /(^| )ky( va)? (ghi ro|ten|dong dau|ho ten|ro ho ten)( |$)/,
  /^(t ?m|k ?t|tl|tuq)( |$)/,
  /^(kt |tm )?(truong|pho truong|to truong) (cong an|thon|ban|khu|xom|ap|to|tdp|ca|ubnd|phong|doan|cong)/,
  /^(chu tich|xac nhan|thu truong|can bo (lap|ho tich|ghi|dang ky|tu phap|cong an|thong ke))( |$)/,
  /(^| )ngay( \d{1,2})? thang( \d{1,2})? nam( \d{2,4})?$/,
];

/** "1 2 3 …", "(1) (2) …", "A B 1 2 …": every cell a short counter, the numbers increasing. */
function isNumberingRow(filled: string[]): boolean {
  if (filled.length < 2) return false;
  let last = -Infinity;
  for (const t of filled) {
    const m = /^[([]?\s*(\d{1,2}|[A-Za-z])\s*[)\]]?\.?$/.exec(t);
    if (!m) return false;
    if (/^\d+$/.test(m[1])) {
      const n = Number(m[1]);
      if (n <= last) return false;
      last = n;
    }
  }
  return true;
}

const FOLDED_HEADERS = new WeakMap<string[][], string[][]>();

/** The header rows folded once per sheet (the same array is passed for every row of a sheet). */
function foldedHeader(headerRows: string[][]): string[][] {
  let folded = FOLDED_HEADERS.get(headerRows);
  if (!folded) {
    folded = headerRows.map((row) => row.map(foldHeader));
    FOLDED_HEADERS.set(headerRows, folded);
  }
  return folded;
}

/** At a page break the header comes again: most filled cells repeat a header label in the same column. */
function repeatsHeader(folded: string[], headerRows: string[][]): boolean {
  let filled = 0;
  let same = 0;
  for (let c = 0; c < folded.length; c++) {
    const key = folded[c];
    if (key === '') continue;
    filled++;
    if (headerRows.some((h) => (h[c] ?? '') === key)) same++;
  }
  return same >= 2 && same * 2 >= filled;
}

/**
 * A group label typed in one cell, optionally after a Roman numeral or letter: "I | Bản Na Ngam",
 * "Thôn 3", "Hộ ông Lò Văn Pánh". Tested on the written text: "Bản"/"Tổ" are units, "Bàn"/"Tô" are
 * family names.
 */
function isSectionLabel(filled: string[]): boolean {
  const texts = filled.filter((t) => !/^([IVXLC]+|[A-Za-z])\.?$/.test(t));
  if (texts.length !== 1 || filled.length > 2) return false;
  const text = texts[0].toLowerCase();
  return /^(thôn|bản|xóm|tổ|tổ dân phố|khu|khu phố|khối|ấp|đội|buôn|bon|làng|plei)\s+\S/.test(text)
    || /^hộ\s*(ông|bà|gia đình|số|:)/.test(text);
}
