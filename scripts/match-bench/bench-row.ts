/**
 * One line of a bench household CSV, and the writer of those files: plain UTF-8 with the header offices use most,
 * dates as books write them (12/03/1968, 03/1968, 1968).
 *
 * @example
 * const csv = benchCsv([{ fullName: 'Lò Văn Pánh', birthDate: '1968-03-12', sex: 'M', … }]);
 * csv.split('\n')[1]; // 'Lò Văn Pánh,12/03/1968,Nam,Thái,011068004213,,123456,Chủ hộ,"Bản Na Ngám, …",'
 */
export interface BenchRow {
  fullName: string;
  /** ISO with precision: '1968', '1968-03', '1968-03-12'. */
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string;
  personalId: string | null;
  oldId: string | null;
  bookNo: string;
  relation: string;
  address: string;
  otherName: string | null;
}

export const BENCH_HEADER = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số định danh', 'Số CMND', 'Số sổ HK', 'Quan hệ với chủ hộ', 'Địa chỉ', 'Tên gọi khác'];

/** dd/mm/yyyy, mm/yyyy or yyyy, from ISO with precision. */
export function bookDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : y;
}

function cell(value: string | null): string {
  const s = value ?? '';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of rows under BENCH_HEADER; row i is on line i + 2 (what the import reports as its row). */
export function benchCsv(rows: readonly BenchRow[]): string {
  const lines = [BENCH_HEADER.join(',')];
  for (const r of rows)
    lines.push([r.fullName, bookDate(r.birthDate), r.sex === 'M' ? 'Nam' : 'Nữ', r.ethnicity, r.personalId, r.oldId, r.bookNo, r.relation, r.address, r.otherName].map(cell).join(','));
  return lines.join('\n') + '\n';
}
