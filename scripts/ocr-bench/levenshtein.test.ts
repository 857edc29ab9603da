import { describe, expect, it } from 'vitest';
import { cerLength, cerText, levenshtein } from './levenshtein.js';

describe('levenshtein', () => {
  it.each([
    ['Giàng A Sình', 'Giàng A Sình', 0],
    ['Xã Sm Thầu', 'Xã Sín Thầu', 2], // "Sín" read as "Sm": í→m, n dropped
    ['Điện Biện', 'Điện Biên', 1], // a tone mark too many is one character
    ['', 'Mông', 4], // a missing field costs every truth character
    ['Nam Dân tộcc Mông', 'Nam', 14],
    ['Lò Văn Pánh', 'Lò Văn Pánh'.normalize('NFD'), 0], // decomposed marks are the same characters
  ])('%s ↔ %s = %i', (read, truth, edits) => {
    expect(levenshtein(read, truth)).toBe(edits);
    expect(levenshtein(truth, read)).toBe(edits);
  });
});

describe('cerText', () => {
  it('collapses spaces and composes marks before counting', () => {
    expect(cerText('  Bản  Lọng\tLuông ')).toBe('Bản Lọng Luông');
    expect(cerLength('Nguyễn'.normalize('NFD'))).toBe(6);
    expect(cerLength(null)).toBe(0);
  });
});
