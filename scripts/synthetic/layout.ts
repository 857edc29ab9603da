/**
 * How one sheet looks: which columns, in which order, under which header wording, with which title rows,
 * numbering row, blank rows and footer. Every choice comes from the PRNG, so a seed gives a whole office's
 * worth of different habits.
 *
 * @example
 * const layout = chooseLayout(new Rng(7), { hamlet: 'Bản Na Ngám', commune: 'Xã Mường Phăng', district: 'Thành phố Điện Biên Phủ' });
 * layout.columns.map((c) => c.header); // ['STT', 'Số sổ HK', 'Họ và tên', …]
 */
import type { Rng } from './prng.js';
import { stripDiacritics } from './legacy-encode.js';

/** What a column holds; the names follow RAW_FIELDS in src/ingest/source-record.ts. */
export type ColumnField =
  | 'seq' | 'full_name' | 'family_middle' | 'given_name'
  | 'birth_date' | 'birth_day' | 'birth_month' | 'birth_year' | 'birth_year_male' | 'birth_year_female'
  | 'sex' | 'ethnicity' | 'religion' | 'personal_id' | 'old_id' | 'id_any'
  | 'birthplace' | 'native_place' | 'occupation' | 'household_book_no' | 'relation_to_head'
  | 'address' | 'hamlet' | 'commune' | 'district' | 'province' | 'note';

export interface Column {
  field: ColumnField;
  header: string;
  /** Upper header of a two-row header ("Năm sinh" over Nam | Nữ), or null. */
  group: string | null;
}

/** How the text of a date is written when it is text. */
export type DateStyle = 'dd/mm/yyyy' | 'd/m/yyyy' | 'dd-mm-yyyy' | 'dd.mm.yyyy' | 'zeros';

export interface Layout {
  columns: Column[];
  titleRows: string[];
  /** A row "(1) (2) (3)…" or "1 2 3…" under the header. */
  numberingRow: 'none' | 'parens' | 'plain';
  blankBetweenHouseholds: boolean;
  /** Book number and address: on every member's row, on the head's row only, or merged down (XLSX; CSV shows head only). */
  householdCells: 'every' | 'head' | 'merge';
  footer: 'none' | 'total' | 'signature';
  nameCase: 'proper' | 'upper';
  dateStyle: DateStyle;
  /** True when the sheet has no name column at all (a statistics sheet): every row is rejected. */
  noNameColumn: boolean;
}

export interface LayoutContext {
  hamlet: string;
  commune: string;
  district: string;
}

const H: Record<string, readonly string[]> = {
  seq: ['STT', 'TT', 'Số TT', 'S.T.T'],
  full_name: ['Họ và tên', 'HỌ VÀ TÊN', 'Ho va ten', 'Họ tên', 'Họ, chữ đệm và tên', 'Họ và tên khai sinh'],
  family_middle: ['Họ và chữ đệm', 'Họ đệm', 'Họ'],
  given_name: ['Tên'],
  birth_date: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'NGÀY SINH', 'Ngày tháng\nnăm sinh'],
  birth_year: ['Năm sinh', 'Năm sinh', 'NS'],
  sex: ['Giới tính', 'Giới tính', 'Giới', 'GT'],
  ethnicity: ['Dân tộc', 'DT', 'Dân Tộc'],
  religion: ['Tôn giáo', 'TG'],
  personal_id: ['Số ĐDCN', 'Số định danh', 'Số định danh cá nhân', 'Số CCCD', 'CCCD', 'Mã định danh'],
  old_id: ['Số CMND', 'CMND', 'CMND cũ'],
  id_any: ['CCCD/CMND', 'Số CMND/CCCD', 'Số CCCD/CMND'],
  birthplace: ['Nơi sinh'],
  native_place: ['Quê quán', 'Nguyên quán'],
  occupation: ['Nghề nghiệp', 'Nghề nghiệp, nơi làm việc', 'Nghề'],
  household_book_no: ['Số sổ HK', 'Số hộ khẩu', 'Mã hộ', 'Số sổ hộ khẩu', 'SỐ HỘ KHẨU', 'Số HK'],
  relation_to_head: ['QH với chủ hộ', 'Quan hệ với chủ hộ', 'Quan hệ với CH', 'Quan hệ'],
  address: ['Địa chỉ', 'Nơi thường trú', 'Địa chỉ thường trú', 'Nơi ở hiện nay'],
  note: ['Ghi chú'],
};

const col = (rng: Rng, field: ColumnField, group: string | null = null, header?: string): Column => ({
  field,
  header: header ?? rng.pick(H[field]),
  group,
});

function nameColumns(rng: Rng): Column[] {
  if (rng.chance(0.85)) return [col(rng, 'full_name')];
  const group = rng.chance(0.6) ? rng.pick(['Họ và tên', 'Họ tên']) : null;
  return [col(rng, 'family_middle', group), col(rng, 'given_name', group)];
}

/** How the birth date is laid out: one date column, Năm sinh split Nam | Nữ, Ngày/Tháng/Năm, or the year only. */
export type BirthColumns = 'date' | 'male_female' | 'dmy' | 'year';

function birthColumns(rng: Rng, forced?: BirthColumns): Column[] {
  const kind = forced ?? rng.weighted([['date', 60], ['male_female', 15], ['dmy', 10], ['year', 15]] as const);
  if (kind === 'male_female') {
    const g = rng.pick(['Năm sinh', 'Ngày tháng năm sinh']);
    return [col(rng, 'birth_year_male', g, 'Nam'), col(rng, 'birth_year_female', g, 'Nữ')];
  }
  if (kind === 'dmy') {
    const g = rng.pick(['Ngày sinh', 'Ngày tháng năm sinh']);
    return [col(rng, 'birth_day', g, 'Ngày'), col(rng, 'birth_month', g, 'Tháng'), col(rng, 'birth_year', g, 'Năm'), col(rng, 'sex')];
  }
  return [col(rng, kind === 'year' ? 'birth_year' : 'birth_date'), col(rng, 'sex')];
}

function idColumns(rng: Rng): Column[] {
  const kind = rng.weighted([['both', 3], ['any', 3], ['personal', 4]] as const);
  if (kind === 'both') return [col(rng, 'personal_id'), col(rng, 'old_id')];
  return [col(rng, kind === 'any' ? 'id_any' : 'personal_id')];
}

function addressColumns(rng: Rng, forced?: 'none' | 'one' | 'split'): Column[] {
  const kind = forced ?? rng.weighted([['none', 5], ['one', 2], ['split', 3]] as const);
  if (kind === 'none') return [];
  if (kind === 'one') return [col(rng, 'address')];
  const g = rng.pick(['Địa chỉ thường trú', 'Nơi thường trú', 'Địa chỉ']);
  return [
    col(rng, 'hamlet', g, rng.pick(['Thôn/bản', 'Bản', 'Thôn, bản, tổ', 'Thôn/Tổ'])),
    col(rng, 'commune', g, rng.pick(['Xã', 'Xã/Phường', 'Xã, phường'])),
    col(rng, 'district', g, rng.pick(['Huyện', 'Huyện/TP'])),
    col(rng, 'province', g, 'Tỉnh'),
  ];
}

function titleRows(rng: Rng, ctx: LayoutContext): string[] {
  const kind = rng.weighted([['none', 3], ['national', 5], ['short', 2]] as const);
  const list = rng.pick(['DANH SÁCH NHÂN KHẨU', 'DANH SÁCH HỘ GIA ĐÌNH VÀ NHÂN KHẨU', 'DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ', 'SỔ THEO DÕI NHÂN KHẨU']);
  const where = `${ctx.hamlet}, ${ctx.commune}, ${ctx.district}, tỉnh Điện Biên`;
  if (kind === 'none') return [];
  if (kind === 'short') return [`${list} ${ctx.hamlet.toUpperCase()}`, ''];
  return [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    list,
    where,
    ...(rng.chance(0.5) ? [''] : []),
  ];
}

/** Picks a layout for one sheet. `noNameColumn` makes the statistics-sheet variant. */
export function chooseLayout(
  rng: Rng,
  ctx: LayoutContext,
  opts: { noNameColumn?: boolean; birth?: BirthColumns; address?: 'none' | 'one' | 'split' } = {},
): Layout {
  const seq = rng.chance(0.85) ? [col(rng, 'seq')] : [];
  const names = opts.noNameColumn ? [] : nameColumns(rng);
  const book = rng.chance(0.92) ? [col(rng, 'household_book_no')] : [];
  const relation = rng.chance(0.95) ? [col(rng, 'relation_to_head')] : [];
  const optional = (p: number, field: ColumnField): Column[] => (rng.chance(p) ? [col(rng, field)] : []);
  const middle = [
    ...optional(0.85, 'ethnicity'),
    ...optional(0.4, 'religion'),
    ...idColumns(rng),
    ...optional(0.5, 'occupation'),
    ...optional(0.3, 'birthplace'),
    ...optional(0.3, 'native_place'),
  ];
  const birth = birthColumns(rng, opts.birth);
  const columns = rng.chance(0.5)
    ? [...seq, ...book, ...names, ...birth, ...relation, ...middle, ...addressColumns(rng, opts.address)]
    : [...seq, ...names, ...relation, ...birth, ...middle, ...book, ...addressColumns(rng, opts.address)];
  if (rng.chance(0.3)) columns.push(col(rng, 'note'));
  const unaccentedHeaders = rng.chance(0.08);
  const upperHeaders = rng.chance(0.2);
  for (const c of columns) {
    if (unaccentedHeaders) c.header = stripDiacritics(c.header);
    if (upperHeaders) {
      c.header = c.header.toUpperCase();
      c.group = c.group?.toUpperCase() ?? null;
    }
  }
  return {
    columns,
    titleRows: titleRows(rng, ctx),
    numberingRow: rng.weighted([['none', 6], ['parens', 2], ['plain', 2]] as const),
    blankBetweenHouseholds: rng.chance(0.25),
    householdCells: rng.weighted([['every', 3], ['head', 4], ['merge', 3]] as const),
    footer: rng.weighted([['none', 5], ['total', 2], ['signature', 3]] as const),
    nameCase: rng.chance(0.2) ? 'upper' : 'proper',
    dateStyle: rng.weighted([['dd/mm/yyyy', 6], ['d/m/yyyy', 2], ['dd-mm-yyyy', 1], ['dd.mm.yyyy', 1], ['zeros', 1]] as const),
    noNameColumn: opts.noNameColumn ?? false,
  };
}
