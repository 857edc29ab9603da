import type { RawField } from '../ingest/source-record.js';

/**
 * The printed labels of household-book pages (form HK08 and the editions before it), with the raw field
 * each one introduces. Labels are matched fuzzily on folded text (see label-match.ts), always preferring the
 * longest label, so every longer wording that must not be read as a shorter one ("Họ và tên gọi khác" vs
 * "Họ và tên", "Nơi thường trú trước khi chuyển đến" vs "Nơi thường trú", "Số nhà" vs "Số") is listed here
 * even when its entry is skipped.
 */

/** Which page a label is evidence for when the page is classified. */
export type LabelPage = 'household' | 'member' | 'none';

export interface PageLabel {
  /** Stable id, used in tests and when two wordings of one label are merged. */
  id: string;
  /** The raw field the entry goes to; null when the entry is read and thrown away (passport, signature…). */
  field: RawField | null;
  page: LabelPage;
  /** Spellings as printed, with diacritics (the matcher folds them). */
  spellings: readonly string[];
  /**
   * Short or common words ("Xã", "Số", "Chủ hộ") that also occur inside entries: they count as a label only
   * when a colon or a dotted leader follows them (or digits, for `digitsMayFollow`), and never right after
   * another label, where they are that label's entry ("Quan hệ với chủ hộ: …Chủ hộ…").
   */
  weak?: boolean;
  /** A weak label followed directly by digits is still a label ("Số 110234567"). */
  digitsMayFollow?: boolean;
  /** Text put before the entry because the label is part of the value ("Số nhà" 12 → "Số nhà 12"). */
  prefix?: string;
  /** The entry may go on over following lines that have no label of their own (addresses, places). */
  continues?: boolean;
}

/**
 * Every label the layout reader knows, member labels first.
 *
 * @example
 * PAGE_LABELS.find((l) => l.id === 'sex')?.spellings; // ['Giới tính', 'Nam/Nữ']
 */
export const PAGE_LABELS: readonly PageLabel[] = [
  // ── member page ──
  { id: 'relation', field: 'relation_to_head', page: 'member',
    spellings: ['Quan hệ với chủ hộ', 'Quan hệ với chủ hộ khẩu', 'Quan hệ chủ hộ', 'Quan hệ với người chủ hộ', 'QH với chủ hộ', 'Quan hệ'] },
  { id: 'full_name', field: 'full_name', page: 'member',
    spellings: ['Họ và tên', 'Họ tên', 'Họ và tên khai sinh', 'Họ tên khai sinh', 'Họ, chữ đệm và tên', 'Họ chữ đệm và tên'] },
  { id: 'other_name', field: 'other_name', page: 'member',
    spellings: ['Họ và tên gọi khác', 'Họ tên gọi khác', 'Tên gọi khác', 'Tên khác', 'Bí danh'] },
  { id: 'birth_date', field: 'birth_date', page: 'member',
    spellings: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày', 'Ngày sinh', 'Năm sinh', 'Sinh năm'] },
  { id: 'sex', field: 'sex', page: 'member', spellings: ['Giới tính', 'Nam/Nữ'] },
  { id: 'birthplace', field: 'birthplace', page: 'member', continues: true,
    spellings: ['Nơi sinh', 'Nơi đăng ký khai sinh', 'Nơi khai sinh'] },
  { id: 'native_place', field: 'native_place', page: 'member', continues: true, spellings: ['Nguyên quán', 'Quê quán'] },
  { id: 'ethnicity', field: 'ethnicity', page: 'member', spellings: ['Dân tộc'] },
  { id: 'religion', field: 'religion', page: 'member', spellings: ['Tôn giáo'] },
  { id: 'nationality', field: 'nationality', page: 'member', spellings: ['Quốc tịch'] },
  // Old books hold the 9-digit CMND, some carry the 12-digit one: the length decides (id_any).
  { id: 'id_card', field: 'id_any', page: 'member',
    spellings: ['CMND số', 'Số CMND', 'CMND', 'Giấy CMND số', 'Số chứng minh nhân dân', 'Chứng minh nhân dân số',
      'Số CMND/CCCD', 'CMND/CCCD số', 'Số CCCD/CMND', 'CMT số', 'Số CMT'] },
  { id: 'personal_id', field: 'personal_id', page: 'member',
    spellings: ['Số định danh cá nhân', 'Số định danh', 'Mã định danh', 'Mã số định danh cá nhân', 'Số CCCD', 'CCCD số',
      'Số căn cước công dân', 'Căn cước công dân số', 'Số căn cước', 'Số thẻ căn cước'] },
  { id: 'passport', field: null, page: 'member', spellings: ['Hộ chiếu số', 'Số hộ chiếu'] },
  { id: 'occupation', field: 'occupation', page: 'member', continues: true,
    spellings: ['Nghề nghiệp, nơi làm việc', 'Nghề nghiệp', 'Nghề nghiệp, chỗ làm việc', 'Nghề nghiệp và nơi làm việc'] },
  { id: 'workplace', field: null, page: 'none', continues: true, spellings: ['Nơi làm việc', 'Chỗ làm việc'] },
  { id: 'education', field: null, page: 'none', spellings: ['Trình độ học vấn', 'Trình độ chuyên môn', 'Trình độ văn hoá'] },
  { id: 'previous_residence', field: null, page: 'member', continues: true,
    spellings: ['Nơi thường trú trước khi chuyển đến', 'Nơi ở trước khi chuyển đến', 'Chỗ ở trước khi chuyển đến',
      'Nơi thường trú trước khi chuyển đến ở', 'Trước khi chuyển đến'] },
  // The officer's block: its entries are a signature and a name, never the person's.
  { id: 'officer', field: null, page: 'none',
    spellings: ['Cán bộ đăng ký', 'Cán bộ đăng kí', 'Ký, ghi rõ họ tên', 'Ký và ghi rõ họ tên', 'Ký tên', 'Trưởng công an',
      'Trưởng Công an xã', 'Trưởng Công an huyện', 'Chữ ký', 'Đóng dấu'] },
  { id: 'changes', field: null, page: 'none',
    spellings: ['Lý do xoá đăng ký thường trú', 'Xoá đăng ký thường trú', 'Chuyển đi ngày', 'Ghi chú', 'Lý do'] },
  // ── household page ──
  { id: 'book_no', field: 'household_book_no', page: 'household', weak: true, digitsMayFollow: true,
    spellings: ['Số', 'Sổ số', 'Số sổ', 'Hồ sơ hộ khẩu số', 'Hồ sơ hộ khẩu', 'Sổ hộ khẩu số', 'Số sổ hộ khẩu', 'Số hộ khẩu',
      'Hộ khẩu số', 'Số HK', 'Sổ HK số', 'Mã hộ', 'Mã số hộ', 'Số hồ sơ'] },
  { id: 'head', field: 'household_head', page: 'household',
    spellings: ['Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ', 'Họ và tên chủ hộ khẩu', 'Chủ hộ khẩu'] },
  { id: 'head_short', field: 'household_head', page: 'household', weak: true, spellings: ['Chủ hộ'] },
  { id: 'address', field: 'address', page: 'household', continues: true,
    spellings: ['Chỗ ở hiện nay', 'Nơi thường trú', 'Địa chỉ', 'Địa chỉ thường trú', 'Nơi ở hiện nay', 'Nơi đăng ký thường trú',
      'Địa chỉ hộ gia đình', 'Chỗ ở', 'Nơi ở'] },
  { id: 'house_no', field: 'address', page: 'household', weak: true, digitsMayFollow: true, prefix: 'Số nhà',
    spellings: ['Số nhà'] },
  { id: 'street', field: 'address', page: 'household', weak: true, prefix: 'Đường',
    spellings: ['Đường phố', 'Đường', 'Đường/phố'] },
  { id: 'hamlet', field: 'hamlet', page: 'household', weak: true,
    spellings: ['Thôn/bản/tổ', 'Thôn, bản, tổ', 'Thôn, bản, tổ dân phố', 'Thôn/bản/tổ dân phố', 'Thôn/xóm', 'Thôn/bản',
      'Thôn/tổ', 'Tổ dân phố', 'Thôn', 'Bản', 'Xóm', 'Tổ', 'Ấp', 'Khối', 'Tổ/khối'] },
  { id: 'commune', field: 'commune', page: 'household', weak: true,
    spellings: ['Xã/phường/thị trấn', 'Xã, phường, thị trấn', 'Xã/phường', 'Xã', 'Phường', 'Thị trấn'] },
  { id: 'district', field: 'district', page: 'household', weak: true,
    spellings: ['Huyện/quận/thị xã/thành phố', 'Huyện, quận, thị xã, thành phố', 'Quận/huyện/thị xã', 'Huyện/quận/thị xã',
      'Huyện/quận', 'Quận/huyện', 'Huyện', 'Quận', 'Thị xã'] },
  { id: 'province', field: 'province', page: 'household', weak: true,
    spellings: ['Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tỉnh/thành phố trực thuộc trung ương', 'Tỉnh/TP', 'Tỉnh'] },
];

/** Title lines of a household page ("SỔ HỘ KHẨU", "HỘ KHẨU GIA ĐÌNH"), on folded text without punctuation. */
export const HOUSEHOLD_TITLE_RE = /^(?:so ho khau|ho khau gia dinh|ho khau tap the|so ho khau gia dinh|so dang ky ho khau)$/;
