import { describe, it, expect } from 'vitest';
import { headOrRelationByValues, isRelationWord } from './column-head-or-relation.js';

describe('headOrRelationByValues', () => {
  it.each<[string[], string]>([
    [['Chủ hộ', 'Vợ', 'Con', 'Con dâu', 'Cháu nội'], 'relation_to_head'],
    [['CH', 'vợ', 'con đẻ', '', 'Người ở nhờ'], 'relation_to_head'],
    [['Lò Văn Pánh', 'Lò Văn Pánh', '', 'Quàng Văn Xôm'], 'household_head'],
    [['Chu Văn An', 'Chu Văn An'], 'household_head'], // "Chu" is a family name, "Văn An" is no relation
    [['x', '', '', 'X', ''], 'head_mark'],
    [['', ''], 'household_head'],
  ])('%j → %s', (values, decided) => expect(headOrRelationByValues(values)).toBe(decided));
});

describe('isRelationWord', () => {
  it.each<[string, boolean]>([
    ['Chủ hộ', true], ['Con trai', true], ['Bố vợ', true], ['Em ruột', true], ['Con thứ 2', true],
    ['Lò Văn Pánh', false], ['Cù Thị Bé', false], ['Ông Ích Khiêm', false], ['', false],
  ])('%j → %s', (value, yes) => expect(isRelationWord(value)).toBe(yes));
});
