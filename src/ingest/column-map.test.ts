import { describe, it, expect } from 'vitest';
import { cueOf, type HeaderCue } from './column-map.js';
import { foldHeader, foldHeaderCore } from './header-fold.js';

describe('foldHeader', () => {
  it.each([
    ['Họ và tên', 'ho va ten'],
    ['HỌ VÀ TÊN', 'ho va ten'],
    ['Ngày, tháng,\nnăm sinh', 'ngay thang nam sinh'],
    ['Số ĐDCN', 'so ddcn'],
    ['  QH  với   CH: ', 'qh voi ch'],
    ['Số CMND/CCCD', 'so cmnd cccd'],
  ])('%j → %j', (text, key) => expect(foldHeader(text)).toBe(key));

  it('drops parenthesised remarks in the core key', () => {
    expect(foldHeaderCore('Họ và tên (chữ in hoa)')).toBe('ho va ten');
    expect(foldHeaderCore('Ngày sinh (dd/mm/yyyy)')).toBe('ngay sinh');
  });
});

const CASES: Array<[string, HeaderCue | null]> = [
  ['STT', 'seq'], ['TT', 'seq'], ['Số TT', 'seq'], ['Số thứ tự', 'seq'],
  ['Họ và tên', 'full_name'], ['HỌ VÀ TÊN', 'full_name'], ['Ho va ten', 'full_name'], ['Họ tên', 'full_name'],
  ['Họ, chữ đệm và tên', 'full_name'], ['Họ tên khai sinh', 'full_name'], ['Họ và tên\n(chữ in hoa)', 'full_name'],
  ['Họvà tên', 'full_name'],
  ['Họ và chữ đệm', 'family_middle'], ['Họ, chữ đệm', 'family_middle'], ['Họ', 'family_middle'],
  ['Tên', 'given_name'],
  ['Tên gọi khác', 'other_name'], ['Bí danh', 'other_name'],
  ['Ngày sinh', 'birth_date'], ['Ngày tháng năm sinh', 'birth_date'], ['Ngày, tháng, năm sinh', 'birth_date'],
  ['Năm sinh', 'birth_date'], ['NS', 'birth_date'], ['Ngày sinh (dd/mm/yyyy)', 'birth_date'],
  ['Ngày', 'day'], ['Tháng', 'month'], ['Năm', 'nam'], ['Nam', 'nam'], ['Nữ', 'female'], ['Nu', 'female'],
  ['Giới tính', 'sex'], ['Nam/Nữ', 'sex'], ['GIỚI TÍNH', 'sex'],
  ['Dân tộc', 'ethnicity'], ['Tôn giáo', 'religion'], ['Quốc tịch', 'nationality'],
  ['Số sổ HK', 'household_book_no'], ['Số hộ khẩu', 'household_book_no'], ['Số sổ hộ khẩu', 'household_book_no'],
  ['Mã hộ', 'household_book_no'], ['Số hồ sơ hộ khẩu', 'household_book_no'], ['Sổ HK số', 'household_book_no'],
  ['QH với chủ hộ', 'relation_to_head'], ['Quan hệ với chủ hộ', 'relation_to_head'],
  ['Quan hệ với CH', 'relation_to_head'], ['QHCH', 'relation_to_head'], ['Quan hệ', 'relation_to_head'],
  ['Họ tên chủ hộ', 'household_head'], ['Họ và tên chủ hộ', 'household_head'], ['Chủ hộ', 'head_or_relation'],
  ['Số ĐDCN', 'personal_id'], ['Số định danh', 'personal_id'], ['Số định danh cá nhân', 'personal_id'],
  ['CCCD', 'personal_id'], ['Số CCCD', 'personal_id'],
  ['CMND', 'old_id'], ['Số CMND', 'old_id'], ['Số chứng minh nhân dân', 'old_id'],
  ['CCCD/CMND', 'id_any'], ['Số CMND/CCCD', 'id_any'], ['Số CMND (CCCD)', 'id_any'],
  ['Ngày cấp CCCD', 'ignore'], ['Nơi cấp CMND', 'ignore'], ['Họ tên cha', 'ignore'], ['Họ và tên mẹ', 'ignore'],
  ['Nơi sinh', 'birthplace'], ['Nguyên quán', 'native_place'], ['Quê quán', 'native_place'],
  ['Nghề nghiệp', 'occupation'], ['Nghề nghiệp, nơi làm việc', 'occupation'],
  ['Địa chỉ', 'address'], ['Nơi thường trú', 'address'], ['Chỗ ở hiện nay', 'address'],
  ['Địa chỉ thường trú', 'address'], ['Số nhà, đường phố', 'address'],
  ['Thôn', 'hamlet'], ['Bản', 'hamlet'], ['Tổ', 'hamlet'], ['Xóm', 'hamlet'], ['Thôn, bản', 'hamlet'],
  ['Tổ dân phố', 'hamlet'], ['Thôn/Xóm/Ấp', 'hamlet'],
  ['Xã', 'commune'], ['Phường', 'commune'], ['Xã, phường, thị trấn', 'commune'],
  ['Huyện', 'district'], ['Quận, huyện', 'district'], ['Huyện/TX/TP', 'district'],
  ['Tỉnh', 'province'], ['Tỉnh, TP', 'province'], ['Tỉnh/Thành phố', 'province'],
  ['Ghi chú', 'note'], ['Số', 'number'],
  ['Năm sinh Nam', 'birth_year_male'], ['Năm sinh (Nữ)', 'birth_year_female'], ['NS nữ', 'birth_year_female'],
  ['1. Họ và tên', 'full_name'], ['(2) Ngày sinh', 'birth_date'],
  // Wordings from other offices' templates (unseen-inputs testing).
  ['Số hộ khẩu gia đình', 'household_book_no'], ['Số sổ hộ khẩu gia đình', 'household_book_no'],
  ['Mã hộ GĐ', 'household_book_no'], ['Hộ số', 'household_book_no'], ['Hộ khẩu thường trú', 'address'],
  ['Nơi ĐKKS', 'birthplace'], ['Nơi đăng ký KS', 'birthplace'], ['Nơi ĐK khai sinh', 'birthplace'],
  ['Sinh năm', 'birth_date'], ['Họ tên người trong hộ', 'full_name'], ['Họ và tên thành viên hộ', 'full_name'],
  ['Tên thành viên', 'full_name'], ['Họ, chữ đệm, tên khai sinh', 'full_name'],
  ['Quan hệ với người đứng tên sổ', 'relation_to_head'], ['Số CCCD/Số ĐDCN', 'personal_id'],
  // The head's attributes on a member's row are not the member's.
  ['Số ĐDCN chủ hộ', 'ignore'], ['Số định danh của chủ hộ', 'ignore'], ['Số CMND/CCCD chủ hộ', 'ignore'],
  ['Năm sinh chủ hộ', 'ignore'],
  ['Trình độ văn hoá', null], ['', null], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', null],
  ['Xã Mường Phăng, huyện Điện Biên', null], ['LÒ VĂN PÁNH', null], ['1968', null],
];

describe('cueOf', () => {
  it.each(CASES)('%j → %j', (label, cue) => expect(cueOf(label)).toBe(cue));
});
