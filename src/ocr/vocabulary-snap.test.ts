import { describe, expect, it } from 'vitest';
import { isListedValue, snapToVocabulary } from './vocabulary-snap.js';

describe('snapToVocabulary', () => {
  it.each([
    ['sex', 'Mam', 'Nam'],
    ['sex', 'Vam', 'Nam'],
    ['sex', 'Ne', 'Nữ'],
    ['sex', 'Ngư', 'Nữ'],
    ['nationality', 'Việc Nam', 'Việt Nam'],
    ['nationality', 'Việt Mam', 'Việt Nam'],
    ['nationality', 'Vi Nam', 'Việt Nam'],
    ['nationality', 'ViệpNam', 'Việt Nam'],
    ['nationality', 'Lảo', 'Lào'],
    ['ethnicity', 'Xinh', 'Kinh'],
    ['ethnicity', 'ông', 'Mông'],
    ['ethnicity', 'xơ Mú', 'Khơ Mú'],
    ['ethnicity', 'Tháy', 'Thái'], // one edit from Tày and from Thái; its marks are Thái's
    ['ethnicity', 'Hmôg', 'Mông'],
    ['relation_to_head', 'Cơn', 'Con'],
    ['relation_to_head', 'Con đâu', 'Con dâu'],
    ['religion', 'Phặt giáo', 'Phật giáo'],
    ['sex', 'Nam Dântộcc Mông', 'Nam'], // the next label misread: its words ran on
    ['religion', 'Không Quốciịch Việt Mam', 'Không'],
    ['relation_to_head', 'Con gái Giới', 'Con gái'],
    ['occupation', 'Huzu trí', 'Hưu trí'],
    ['occupation', 'Tz do', 'Tự do'],
    ['occupation', 'Trẻem', 'Trẻ em'],
    ['occupation', 'Nội rợ', 'Nội trợ'], // Vietnamese as read, but one letter from a usual occupation
    ['occupation', 'Cổng nhân', 'Công nhân'],
  ] as const)('%s %s → %s', (field, read, expected) => {
    expect(snapToVocabulary(field, read)).toBe(expected);
  });

  it.each([
    ['sex', 'Nam'],
    ['sex', 'Nữ'],
    ['ethnicity', 'Thái'],
    ['ethnicity', 'Mèo'], // an old name the normalizer knows
    ['relation_to_head', 'Con thứ 2'],
    ['nationality', 'Việt Nam'],
    ['full_name', 'Nguyễn Văn Mam'], // an open field
    ['sex', 'WZ'], // nothing close
    ['relation_to_head', 'V'], // Vợ, or U (Mẹ): no clear value
    ['ethnicity', 'Tay'], // the normalizer reads it as Tày
    ['sex', '%#'],
    ['occupation', 'Làm nương'], // listed
    ['occupation', 'Thợ hàn'], // Vietnamese as read, two letters from Thợ may: an occupation nobody listed
    ['occupation', 'Thợ sửa xe'],
  ] as const)('%s %s → no suggestion', (field, read) => {
    expect(snapToVocabulary(field, read)).toBeNull();
  });
});

describe('isListedValue', () => {
  it('knows the values of a list, as written or as the normalizer accepts them, and nothing for fields without one', () => {
    expect(isListedValue('relation_to_head', 'Chủ hộ')).toBe(true);
    expect(isListedValue('relation_to_head', 'hộ')).toBe(false);
    expect(isListedValue('occupation', 'Tự do')).toBe(true);
    expect(isListedValue('occupation', 'do')).toBe(false);
    expect(isListedValue('religion', 'Phật giáo')).toBe(true);
    expect(isListedValue('full_name', 'Lò Văn Ơn')).toBe(false);
  });
});
