/**
 * Name pools by ethnic group, as they appear in Điện Biên household books. Thái and Khơ Mú names use
 * Văn/Thị; Mông men carry a clan-marker middle name (A, Seo, Chá…) and women Thị; Kinh names keep both
 * tone-mark placements (Hòa and Hoà, Thủy and Thuỷ) because offices wrote both.
 *
 * @example
 * NAME_POOLS['Mông'].family.includes('Giàng'); // true
 */
export interface NamePool {
  family: readonly string[];
  middleMale: readonly string[];
  middleFemale: readonly string[];
  givenMale: readonly string[];
  givenFemale: readonly string[];
}

const THAI: NamePool = {
  family: ['Lò', 'Quàng', 'Cầm', 'Lường', 'Tòng', 'Lù', 'Điêu', 'Vì', 'Bạc', 'Khoàng', 'Lèo', 'Hoàng'],
  middleMale: ['Văn', 'Văn', 'Văn', 'Văn'],
  middleFemale: ['Thị', 'Thị', 'Thị', 'Thị'],
  givenMale: ['Pánh', 'Xuân', 'Ơn', 'Chăn', 'Thoong', 'Piếng', 'Hặc', 'Khăm', 'Bun', 'Inh', 'Xiêng', 'Phóng', 'Pọm', 'Sương', 'Thưởng', 'Duẩn', 'Hượng', 'Ánh', 'Tiến', 'Thanh'],
  givenFemale: ['Ún', 'Phanh', 'Xuân', 'Ngoan', 'Hiên', 'Pâng', 'Ín', 'Ảnh', 'Lả', 'Diện', 'Ngân', 'Hương', 'Tiên', 'Xiến', 'Ọ', 'Kim', 'Ươi', 'Thoan'],
};

const MONG: NamePool = {
  family: ['Giàng', 'Sùng', 'Vừ', 'Thào', 'Lý', 'Mùa', 'Hạng', 'Lầu', 'Cứ', 'Vàng', 'Hờ', 'Tráng', 'Chang', 'Mua'],
  middleMale: ['A', 'A', 'A', 'Seo', 'Chá', 'Văn', 'Chứ', 'A'],
  middleFemale: ['Thị', 'Thị', 'Thị', 'Thị'],
  givenMale: ['Páo', 'Dính', 'Lử', 'Sồng', 'Chứ', 'Sình', 'Pó', 'Tủa', 'Dế', 'Chông', 'Của', 'Lềnh', 'Vàng', 'Khua', 'Sử', 'Nhè', 'Chính', 'Tếnh', 'Lồng', 'Sếnh'],
  givenFemale: ['Mỷ', 'Dở', 'Sua', 'Mai', 'Chở', 'Pằng', 'Dua', 'Say', 'Xá', 'Lia', 'Súa', 'Vá', 'Ly', 'Dợ', 'Chu', 'Dinh', 'Mý', 'Nhìa'],
};

const KINH: NamePool = {
  family: ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Đinh', 'Đào', 'Trịnh', 'Mai', 'Lương', 'Tạ', 'Phan', 'Nguyễn Phúc'],
  middleMale: ['Văn', 'Văn', 'Đức', 'Ngọc', 'Minh', 'Quang', 'Xuân', 'Hữu', 'Công', 'Thanh', 'Mạnh', 'Trọng'],
  middleFemale: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Thùy'],
  givenMale: ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Hải', 'Long', 'Cường', 'Thắng', 'Hòa', 'Hoà', 'Bình', 'Sơn', 'Tùng', 'Quân', 'Đạt', 'Hiếu', 'Huy', 'Khánh', 'Phong', 'Trung', 'Việt', 'Thành', 'Lâm', 'Toàn', 'Quý'],
  givenFemale: ['Lan', 'Hương', 'Hoa', 'Hằng', 'Hạnh', 'Huyền', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Thảo', 'Trang', 'Yến', 'Hòa', 'Hoà', 'Thủy', 'Thuỷ', 'Loan', 'Linh', 'Phương', 'Dung', 'Oanh', 'Khuê'],
};

const KHO_MU: NamePool = {
  family: ['Lò', 'Quàng', 'Cà', 'Vì', 'Lù', 'Tòng', 'Lường'],
  middleMale: ['Văn'],
  middleFemale: ['Thị'],
  givenMale: ['Inh', 'Chăn', 'Ơn', 'Sinh', 'Pấng', 'Xuyên', 'Ỏn', 'Khoa', 'Đôi', 'Tiên'],
  givenFemale: ['Ín', 'Pâng', 'Ỏn', 'Xiêm', 'Phong', 'Bua', 'Ngọc', 'Ơn'],
};

const DAO: NamePool = {
  family: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng', 'Chảo'],
  middleMale: ['Văn', 'Tòn', 'Văn'],
  middleFemale: ['Thị', 'Thị', 'Mùi'],
  givenMale: ['Phú', 'Sinh', 'Chòi', 'Kiều', 'Quyên', 'Châu', 'Tả', 'Lở'],
  givenFemale: ['Mẩy', 'Mùi', 'Chạn', 'Nái', 'Dín', 'Xuân'],
};

const HA_NHI: NamePool = {
  family: ['Lò', 'Pờ', 'Chu', 'Ly', 'Phìn', 'Sừng'],
  middleMale: ['Văn', 'A', 'Mò'],
  middleFemale: ['Thị', 'Mé', 'Thị'],
  givenMale: ['Xá', 'Phù', 'Gò', 'Chừ', 'Xè', 'Pô', 'Hừ'],
  givenFemale: ['Mé', 'Xí', 'Gô', 'Chừ', 'Pà'],
};

/** Pools keyed by the ethnic group's common name. */
export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  Thái: THAI,
  Mông: MONG,
  Kinh: KINH,
  'Khơ Mú': KHO_MU,
  Dao: DAO,
  Lào: THAI,
  Kháng: KHO_MU,
  'Hà Nhì': HA_NHI,
};

/** Hamlet names typical of the Thái and Mông highlands (used as "Bản …"). */
export const HAMLET_NAMES: readonly string[] = [
  'Na Ngám', 'Co Mỵ', 'Huổi Hốc', 'Pá Chả', 'Nà Pen', 'Hua Pe', 'Tà Cáng', 'Phiêng Bua', 'Nậm Cang', 'Xá Nhè',
  'Hồng Lứu', 'Pú Đao', 'Chiềng Xôm', 'Sáng Tớ', 'Huổi Sa', 'Nà Nọi', 'Lọng Luông', 'Pa Sáng', 'Tìa Ghềnh', 'Pá Pao',
];
