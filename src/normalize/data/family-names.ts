/**
 * Family names (họ) as they are written, with their diacritics: the common Kinh family names and those of the
 * ethnic groups of the northern mountains (Thái, Mông, Dao, Khơ Mú, Tày, Nùng, Hà Nhì, Lào, Lự, Giáy, Kháng,
 * Xinh Mun, Cống, Si La, Phù Lá…). Compiled by the hokhau team from common usage; not exhaustive on purpose.
 *
 * Used only for scanned pages: OCR turns "Cầm" into "Câm" or "Lò" into "ở", readings that are valid syllables.
 * A family name outside this list sends the name to a reviewer (never rejects it); a reviewer who confirms a
 * rare family name loses a few seconds, a misread one would have entered the registry unseen.
 */
export const KNOWN_FAMILY_NAMES: ReadonlySet<string> = new Set([
  // Kinh (and names shared with Tày, Nùng, Mường)
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
  'Lý', 'Lí', 'Đào', 'Đoàn', 'Vương', 'Trịnh', 'Trương', 'Đinh', 'Lâm', 'Phùng', 'Mai', 'Tô', 'Hà', 'Tạ', 'Cao',
  'Lương', 'Lưu', 'Chu', 'Châu', 'Thái', 'Tăng', 'Quách', 'Đàm', 'Văn', 'Kiều', 'Khúc', 'Khổng', 'Triệu', 'Lại',
  'Lã', 'La', 'Tôn', 'Thân', 'Giáp', 'Nghiêm', 'Thạch', 'Trình', 'Từ', 'Ông', 'Âu', 'Doãn', 'Diệp', 'Đồng',
  'Đường', 'Hứa', 'Hàn', 'Kim', 'Lục', 'Mạc', 'Mạch', 'Ninh', 'Nông', 'Quan', 'Sơn', 'Tống', 'Ứng', 'Vi', 'Viên',
  'Bạch', 'Bế', 'Biện', 'Cù', 'Cung', 'Chế', 'Đậu', 'Hầu', 'Khương', 'Kha', 'Khuất', 'Lộc', 'Lư', 'Lạc', 'Mẫn',
  'Nhữ', 'Ôn', 'Phí', 'Phó', 'Phương', 'Quản', 'Sái', 'Tiêu', 'Trà', 'Uông', 'Vòng', 'Yên', 'Âm', 'Bành', 'Cấn',
  'Chung', 'Công', 'Dư', 'Đái', 'Đàng', 'Đoàn', 'Hạ', 'Hoàng Phủ', 'Kiêm', 'Lạng', 'Lều', 'Lữ', 'Mông', 'Nhâm',
  'Ma', 'Mã', 'Hoa', 'Bàng', 'Bảo', 'Chúc', 'Giang', 'Hồng', 'Khổng', 'Lỗ', 'Nhan', 'Phù', 'Quang', 'Sầm', 'Tào',
  'Thiều', 'Thịnh', 'Tiết', 'Vạn', 'Vưu', 'Xa', 'Hàm', 'Hy', 'Danh', 'Bì', 'Bồ', 'Cái', 'Lò',
  // Thái, Lào, Lự, Khơ Mú, Kháng, Xinh Mun
  'Lường', 'Quàng', 'Cầm', 'Tòng', 'Vì', 'Điêu', 'Bạc', 'Lù', 'Lự', 'Khoàng', 'Lèo', 'Mè', 'Ngần', 'Hoàng', 'Lộ',
  'Lềm', 'Mạ', 'Chạ', 'Pạt', 'Xồng', 'Quảng', 'Khằm', 'Chẩu', 'Lỳ', 'Pha', 'Lìa', 'Dào', 'Tao', 'Lô', 'Vừ',
  // Mông, Dao, Hà Nhì, Phù Lá, Si La, Cống, Giáy
  'Giàng', 'Sùng', 'Mùa', 'Thào', 'Lầu', 'Hờ', 'Chang', 'Tráng', 'Mua', 'Ly', 'Cứ', 'Hạng', 'Chá', 'Pờ', 'Phàng',
  'Sình', 'Tẩn', 'Bàn', 'Chảo', 'Vàng', 'Hảng', 'Khang', 'Chẻo', 'Lồ', 'Sầm', 'Chìu', 'Dìn', 'Làn', 'Lừ', 'Pạ',
  'Sần', 'Sì', 'Lỳ', 'Chu', 'Pờ', 'Hầu', 'Và', 'Xiểng', 'Sểnh', 'Sếnh', 'Khà', 'Lý', 'Cư', 'Sủng', 'Hờ', 'Dương',
]);
