/**
 * Print editions of the household book. Each differs in label wordings, fonts, where the entry starts,
 * how many fields share a line, leaders and rulings, so that a reader built on one layout fails on the
 * others (the real province holds books printed from 1988 to 2016 in several forms).
 *
 * @example
 * EDITIONS.find((e) => e.id === 'hk-1994')?.memberRows[0]; // [{ slot: 'full_name', label: 'Họ tên' }]
 */

/** What an entry on a page holds; the renderer asks the page builder for its value. */
export type Slot =
  | 'relation' | 'full_name' | 'other_name' | 'birth_date' | 'sex' | 'birthplace' | 'native_place'
  | 'ethnicity' | 'religion' | 'nationality'
  /** Old ID slot: the 9-digit CMND when the member has one, else the 12-digit number. */
  | 'cmnd'
  /** 12-digit personal ID only. */
  | 'personal_id'
  | 'passport' | 'occupation' | 'previous_address'
  | 'book_no' | 'head' | 'address' | 'house_no' | 'hamlet' | 'commune' | 'district' | 'province';

export interface PrintedField {
  slot: Slot;
  /** Printed label without the colon. */
  label: string;
}

/** One printed line: one field, or two or three side by side ("Giới tính: Nam     Dân tộc: Thái"). */
export type PrintedRow = readonly PrintedField[];

/** How the printed form marks where an entry goes. */
export type LeaderStyle =
  /** A dotted line under the entry from the label to the margin. */
  | 'dots-under'
  /** Dots ("……") printed after the label; the entry is written on them, the rest stays dotted. */
  | 'dots-after'
  /** A thin solid ruling under every line. */
  | 'rules';

export type DateStyle = 'dd/mm/yyyy' | 'd/m/yyyy' | 'dd-mm-yyyy' | 'dd.mm.yyyy';

export interface PrintEdition {
  id: string;
  /** Font of the printed form (labels, titles). */
  labelFont: string;
  /** Font of the entries, as if typed or written neatly. */
  entryFont: string;
  entryItalic: boolean;
  /** Entry ink, a blue-black pen or a typewriter ribbon; becomes grey in greyscale scans. */
  entryColor: string;
  /** Label size in px at 300 dpi. */
  fontSize: number;
  /** Row pitch as a multiple of the font size. */
  lineGap: number;
  margin: { left: number; right: number; top: number };
  /** Entries start at this x offset from the left margin when set, right after the label otherwise. */
  entryColumn: number | null;
  leader: LeaderStyle;
  /** A printed frame around the text block. */
  box: boolean;
  dateStyle: DateStyle;
  /** Printed page number at the foot ("Trang 3"). */
  pageNumbers: boolean;
  householdTitle: string;
  /** Country heading above the title. */
  nationalHeading: boolean;
  householdRows: readonly PrintedRow[];
  memberRows: readonly PrintedRow[];
  /** The officer block's caption at the foot of a member page. */
  officerCaption: string;
}

const f = (slot: Slot, label: string): PrintedField => ({ slot, label });

/** Form HK8 as printed from 2010 (Thông tư 52/2010/TT-BCA): full labels, dotted leaders, two-field lines. */
const HK_2010: PrintEdition = {
  id: 'hk-2010',
  labelFont: 'DejaVu Serif',
  entryFont: 'FreeSerif',
  entryItalic: true,
  entryColor: '#1b2a6b',
  fontSize: 40,
  lineGap: 2.55,
  margin: { left: 150, right: 130, top: 210 },
  entryColumn: null,
  leader: 'dots-under',
  box: false,
  dateStyle: 'dd/mm/yyyy',
  pageNumbers: true,
  householdTitle: 'SỔ HỘ KHẨU',
  nationalHeading: true,
  householdRows: [[f('book_no', 'Số')], [f('head', 'Họ và tên chủ hộ')], [f('address', 'Chỗ ở hiện nay')]],
  memberRows: [
    [f('relation', 'Quan hệ với chủ hộ')],
    [f('full_name', 'Họ và tên')],
    [f('other_name', 'Họ và tên gọi khác (nếu có)')],
    [f('birth_date', 'Ngày, tháng, năm sinh'), f('sex', 'Giới tính')],
    [f('birthplace', 'Nơi sinh')],
    [f('native_place', 'Nguyên quán')],
    [f('ethnicity', 'Dân tộc'), f('nationality', 'Quốc tịch')],
    [f('religion', 'Tôn giáo')],
    [f('cmnd', 'CMND số'), f('passport', 'Hộ chiếu số')],
    [f('occupation', 'Nghề nghiệp, nơi làm việc')],
    [f('previous_address', 'Nơi thường trú trước khi chuyển đến')],
  ],
  officerCaption: 'Cán bộ đăng ký',
};

/** An older typed book (1990s): typewriter entries at a fixed column, short labels, a frame and rulings. */
const HK_1994: PrintEdition = {
  id: 'hk-1994',
  labelFont: 'FreeSerif',
  entryFont: 'FreeMono',
  entryItalic: false,
  entryColor: '#222222',
  fontSize: 44,
  lineGap: 2.3,
  margin: { left: 170, right: 150, top: 240 },
  entryColumn: 560,
  leader: 'rules',
  box: true,
  dateStyle: 'd/m/yyyy',
  pageNumbers: false,
  householdTitle: 'HỘ KHẨU GIA ĐÌNH',
  nationalHeading: false,
  householdRows: [[f('book_no', 'Sổ số')], [f('head', 'Họ tên chủ hộ')], [f('address', 'Nơi thường trú')]],
  memberRows: [
    [f('full_name', 'Họ tên')],
    [f('other_name', 'Tên gọi khác')],
    [f('birth_date', 'Sinh ngày')],
    [f('sex', 'Giới tính')],
    [f('birthplace', 'Nơi sinh')],
    [f('native_place', 'Quê quán')],
    [f('ethnicity', 'Dân tộc')],
    [f('religion', 'Tôn giáo')],
    [f('nationality', 'Quốc tịch')],
    [f('cmnd', 'Số CMND')],
    [f('occupation', 'Nghề nghiệp')],
    [f('relation', 'Quan hệ với chủ hộ')],
    [f('previous_address', 'Nơi thường trú trước khi chuyển đến')],
  ],
  officerCaption: 'Cán bộ đăng ký',
};

/** A late edition with the personal ID: sans-serif form, "……" leaders, sex and ethnicity on one line. */
const HK_2016: PrintEdition = {
  id: 'hk-2016',
  labelFont: 'DejaVu Sans',
  entryFont: 'DejaVu Serif',
  entryItalic: true,
  entryColor: '#14205a',
  fontSize: 38,
  lineGap: 2.4,
  margin: { left: 130, right: 120, top: 190 },
  entryColumn: null,
  leader: 'dots-after',
  box: false,
  dateStyle: 'dd/mm/yyyy',
  pageNumbers: true,
  householdTitle: 'SỔ HỘ KHẨU',
  nationalHeading: true,
  householdRows: [[f('book_no', 'Hồ sơ hộ khẩu số')], [f('head', 'Họ và tên chủ hộ')], [f('address', 'Nơi thường trú')]],
  memberRows: [
    [f('relation', 'Quan hệ với chủ hộ')],
    [f('full_name', 'Họ, chữ đệm và tên')],
    [f('other_name', 'Họ và tên gọi khác (nếu có)')],
    [f('birth_date', 'Ngày sinh')],
    [f('sex', 'Giới tính'), f('ethnicity', 'Dân tộc')],
    [f('birthplace', 'Nơi sinh')],
    [f('native_place', 'Nguyên quán')],
    [f('religion', 'Tôn giáo'), f('nationality', 'Quốc tịch')],
    [f('personal_id', 'Số định danh cá nhân')],
    [f('cmnd', 'CMND số'), f('passport', 'Hộ chiếu số')],
    [f('occupation', 'Nghề nghiệp, nơi làm việc')],
    [f('previous_address', 'Nơi thường trú trước khi chuyển đến')],
  ],
  officerCaption: 'Cán bộ đăng ký',
};

/** A provincial reprint: Arial-like form, address printed as separate unit lines, ruled, CCCD number. */
const HK_2008: PrintEdition = {
  id: 'hk-2008',
  labelFont: 'FreeSans',
  entryFont: 'FreeSerif',
  entryItalic: true,
  entryColor: '#1d1d4f',
  fontSize: 41,
  lineGap: 2.45,
  margin: { left: 190, right: 140, top: 230 },
  entryColumn: null,
  leader: 'rules',
  box: true,
  dateStyle: 'dd.mm.yyyy',
  pageNumbers: true,
  householdTitle: 'SỔ HỘ KHẨU',
  nationalHeading: true,
  householdRows: [
    [f('book_no', 'Số')],
    [f('head', 'Họ tên chủ hộ')],
    [f('house_no', 'Số nhà'), f('hamlet', 'Thôn/bản/tổ')],
    [f('commune', 'Xã/phường/thị trấn')],
    [f('district', 'Huyện/quận/thị xã')],
    [f('province', 'Tỉnh/thành phố')],
  ],
  memberRows: [
    [f('relation', 'Quan hệ với chủ hộ')],
    [f('full_name', 'Họ và tên')],
    [f('other_name', 'Họ tên gọi khác')],
    [f('birth_date', 'Ngày tháng năm sinh')],
    [f('sex', 'Giới tính'), f('ethnicity', 'Dân tộc')],
    [f('birthplace', 'Nơi sinh')],
    [f('native_place', 'Nguyên quán')],
    [f('religion', 'Tôn giáo'), f('nationality', 'Quốc tịch')],
    [f('personal_id', 'Số CCCD')],
    [f('passport', 'Hộ chiếu số')],
    [f('occupation', 'Nghề nghiệp, nơi làm việc')],
    [f('previous_address', 'Nơi thường trú trước khi chuyển đến')],
  ],
  officerCaption: 'Cán bộ đăng ký (ký, ghi rõ họ tên)',
};

/** Every edition; a household's book is printed in one of them. */
export const EDITIONS: readonly PrintEdition[] = [HK_2010, HK_1994, HK_2016, HK_2008];
