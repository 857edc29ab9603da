import { describe, expect, it } from 'vitest';
import { comparisonKey, sameValue, type ScoredField } from './field-compare.js';

const today = new Date('2025-06-01');

describe('sameValue: truth and reading compared after normalization', () => {
  it.each<[ScoredField, string, string | null, boolean]>([
    ['full_name', 'Giàng A Sình', 'GIÀNG A SÌNH', true],
    ['full_name', 'Giàng A Lềnh', 'Giàng A Lồnh', false],
    ['full_name', 'Giàng A Nhè', 'Giàng A Nhèò', false],
    ['birth_date', '26/02/1976', '26-02-1976', true],
    ['birth_date', '05/02/1978', '05/02/1976', false],
    ['birth_date', '03.1968', '3/1968', true],
    ['sex', 'Nữ', 'nữ', true],
    ['sex', 'Nam', 'Nam Dân tộcc Mông', false],
    ['personal_id', '011076775642', '011 076 775 642', true],
    ['personal_id', '011076775642', '011076775842', false],
    ['old_id', '040607130', '040607130', true],
    ['old_id', '040607130', '040607138', false],
    ['old_id', '040607130', '40607130', true], // the normalizer restores a lost leading zero (and flags it on scans)
    ['ethnicity', 'Mông', 'Mông', true],
    ['religion', 'Tin lành', 'Tin Lành', true],
    ['birthplace', 'Xã Sín Thầu, Mường Nhé, Điện Biên', 'Xã Sm Thầu, Mường Nhé, Điện Biên', false],
    ['relation_to_head', 'Chủ hộ', null, false], // missing is a miss
    ['religion', 'Không', '', false],
    ['nationality', 'Việt Nam', 'Vệt Nm', false], // never rescued by the pipeline's default nationality
  ])('%s: %s vs %s → %s', (field, truth, read, same) => {
    expect(sameValue(field, truth, read, today)).toBe(same);
  });

  it('keys an unusable value on its text, and an empty one as null', () => {
    expect(comparisonKey('birth_date', '26/02/1976', today)).toBe('1976-02-26');
    expect(comparisonKey('personal_id', '011076775642', today)).toBe('011076775642');
    expect(comparisonKey('birth_date', '  ', today)).toBeNull();
    expect(comparisonKey('birth_date', 'ngày  ấy', today)).toBe('text:ngày ấy');
  });
});
