/**
 * Vietnamese names of issue codes, for the reports managers read. A code without a label is shown as it is.
 *
 * @example
 * issueLabel('date_impossible') // 'Ngày sinh không tồn tại (31/02…)'
 */
export function issueLabel(code: string): string {
  return ISSUE_LABELS[code] ?? code;
}

const ISSUE_LABELS: Record<string, string> = {
  name_missing: 'Thiếu họ tên',
  name_has_digits: 'Họ tên có chữ số',
  name_invalid_chars: 'Họ tên có ký tự lạ',
  name_single_syllable: 'Họ tên chỉ có một chữ',
  name_note: 'Họ tên kèm ghi chú (đã chết, chuyển đi…)',
  name_given_missing: 'Thiếu tên',
  name_unusual_syllable: 'Họ tên có âm tiết lạ',
  name_without_diacritics: 'Họ tên viết không dấu',
  name_parts_merged: 'Họ và tên dính liền',
  date_impossible: 'Ngày sinh không tồn tại (31/02…)',
  date_future: 'Ngày sinh ở tương lai',
  date_too_old: 'Ngày sinh quá 120 năm trước',
  date_unparseable: 'Không đọc được ngày sinh',
  date_two_digit_year: 'Năm sinh viết 2 chữ số',
  date_lunar: 'Ngày sinh âm lịch',
  date_extra_text: 'Ngày sinh có chữ thừa',
  date_unknown: 'Ngày sinh ghi không rõ',
  date_day_without_month: 'Có ngày nhưng thiếu tháng',
  sex_unknown: 'Giới tính không rõ',
  sex_abbreviated: 'Giới tính viết tắt',
  sex_conflict: 'Giới tính mâu thuẫn với cột Nam/Nữ',
  birth_year_both_sexes: 'Năm sinh ghi ở cả cột Nam và Nữ',
  personal_id_sex_mismatch: 'Số định danh không khớp giới tính',
  personal_id_birth_year_mismatch: 'Số định danh không khớp năm sinh',
  personal_id_century_implausible: 'Số định danh có thế kỷ sinh bất thường',
  personal_id_unknown_prefix: 'Số định danh có mã tỉnh không tồn tại',
  personal_id_leading_zero_lost: 'Số định danh mất số 0 đầu (ô kiểu số)',
  old_id_leading_zero_lost: 'Số CMND mất số 0 đầu (ô kiểu số)',
  personal_id_mangled: 'Số định danh bị Excel đổi dạng (1,1E+11)',
  old_id_mangled: 'Số CMND bị Excel đổi dạng',
  personal_id_length: 'Số định danh sai độ dài',
  personal_id_format: 'Số định danh sai định dạng',
  personal_id_invalid: 'Số định danh không hợp lệ',
  personal_id_placeholder: 'Số định danh ghi tạm (chưa cấp…)',
  personal_id_conflict: 'Hai số định danh khác nhau',
  old_id_conflict: 'Hai số CMND khác nhau',
  personal_id_is_old_id: 'Cột định danh ghi số CMND',
  old_id_is_personal_id: 'Cột CMND ghi số định danh',
  ethnicity_unknown_group: 'Dân tộc không có trong danh mục',
  ethnicity_ambiguous: 'Tên dân tộc có nhiều cách hiểu',
  ethnicity_foreign: 'Người nước ngoài',
  ethnicity_not_known: 'Dân tộc ghi không rõ',
  nationality_missing_foreigner: 'Người nước ngoài thiếu quốc tịch',
  relation_unknown: 'Quan hệ với chủ hộ không rõ',
  relation_ambiguous: 'Quan hệ với chủ hộ có nhiều cách hiểu',
  address_ambiguous: 'Địa chỉ có nhiều xã phù hợp',
  address_unmatched: 'Địa chỉ không có trong danh mục',
  address_commune_split: 'Xã cũ đã chia cho nhiều xã mới',
  address_legacy_ambiguous: 'Chưa xác định được xã cũ',
  low_confidence: 'Độ tin cậy nhận dạng thấp',
  normalizer_failed: 'Lỗi xử lý trường (cần xem)',
};
