import type { RawField } from '../ingest/source-record.js';
import { ETHNIC_GROUPS } from '../normalize/data/ethnic-groups.js';
import { RELATION_SPELLINGS } from '../normalize/relation.js';

/**
 * The closed lists some entries of a household book are written from. A scanned entry outside its list is a
 * misreading (the field checks send it to review) and may be close enough to one value to suggest it.
 */

/** The religions recognised in Việt Nam and "none". */
export const RELIGION_NAMES: readonly string[] = [
  'Không', 'Phật giáo', 'Công giáo', 'Tin lành', 'Cao Đài', 'Phật giáo Hòa Hảo', 'Hồi giáo', 'Bà-la-môn',
  "Baha'i", 'Tịnh độ cư sĩ Phật hội Việt Nam', 'Bửu Sơn Kỳ Hương', 'Tứ Ân Hiếu Nghĩa', 'Minh Sư đạo', 'Minh Lý đạo',
  'Cơ đốc Phục lâm', 'Phật giáo Hiếu Nghĩa Tà Lơn', 'Giáo hội Phật đường Nam tông Minh Sư đạo', 'Mặc môn',
];

/** Nationalities household books hold: Việt Nam, the neighbours, and the few others seen in registration. */
export const NATIONALITY_NAMES: readonly string[] = [
  'Việt Nam', 'Lào', 'Trung Quốc', 'Campuchia', 'Không quốc tịch', 'Thái Lan', 'Hàn Quốc', 'Nhật Bản', 'Đài Loan',
  'Hoa Kỳ', 'Mỹ', 'Pháp', 'Nga', 'Liên bang Nga', 'Úc', 'Đức', 'Anh', 'Ca-na-đa', 'Canada', 'Myanmar', 'Philippines',
  'Malaysia', 'Singapore', 'Indonesia', 'Ấn Độ',
];

/**
 * Occupations household books write most. Not a closed list: a reading is only brought to one of these when
 * it is no Vietnamese as read ("Huzu trí", "Tz do"); "Làm nương" stays "Làm nương".
 */
export const COMMON_OCCUPATIONS: readonly string[] = [
  'Làm ruộng', 'Làm nương', 'Nông dân', 'Nông nghiệp', 'Học sinh', 'Sinh viên', 'Trẻ em', 'Tự do', 'Lao động tự do',
  'Nội trợ', 'Hưu trí', 'Cán bộ', 'Công chức', 'Viên chức', 'Giáo viên', 'Công nhân', 'Bộ đội', 'Công an', 'Buôn bán',
  'Kinh doanh', 'Thợ may', 'Thợ xây', 'Thợ mộc', 'Lái xe', 'Y tá', 'Bác sĩ', 'Kế toán', 'Làm thuê', 'Chăn nuôi',
  'Trồng trọt', 'Thất nghiệp', 'Không nghề', 'Chưa có việc làm', 'Mất sức lao động', 'Già yếu',
];

/** A value of a closed list and the spellings that mean it. */
export interface VocabularyEntry {
  value: string;
  spellings: readonly string[];
}

const one = (value: string): VocabularyEntry => ({ value, spellings: [value] });

const VOCABULARIES: Partial<Record<RawField, readonly VocabularyEntry[]>> = {
  sex: [one('Nam'), one('Nữ')],
  nationality: NATIONALITY_NAMES.map(one),
  religion: RELIGION_NAMES.map(one),
  ethnicity: ETHNIC_GROUPS.map((g) => ({ value: g.name, spellings: [g.name, g.officialName, ...g.variants] })),
  relation_to_head: Object.entries(RELATION_SPELLINGS).map(([value, spellings]) => ({ value, spellings: [value, ...spellings] })),
  occupation: COMMON_OCCUPATIONS.map(one),
};

/** Fields whose list holds only the usual values: any Vietnamese reading may be right. */
const OPEN_FIELDS: ReadonlySet<RawField> = new Set(['occupation']);

/**
 * Whether a reading outside the field's list may still be right (an occupation nobody listed).
 *
 * @example
 * isOpenVocabulary('occupation'); // true
 */
export function isOpenVocabulary(field: RawField): boolean {
  return OPEN_FIELDS.has(field);
}

/**
 * The list a field is written from (for occupations: the usual values), or undefined (names, places).
 *
 * @example
 * vocabularyOf('sex')?.map((e) => e.value); // ['Nam', 'Nữ']
 */
export function vocabularyOf(field: RawField): readonly VocabularyEntry[] | undefined {
  return VOCABULARIES[field];
}
