import { describe, it, expect } from 'vitest';
import { assignHouseholds, bookKey, isHeadRelation } from './household-blocks.js';
import type { RawField, SourceRecord } from './source-record.js';

type Raw = Partial<Record<RawField, string>>;

function recs(raws: Raw[]): SourceRecord[] {
  return raws.map((raw, i) => ({
    locator: { file: 'ho.xlsx', sheet: 'Bản Na Ngam', row: i + 2, page: null }, raw, confidence: {}, householdKey: null,
  }));
}

interface Case { name: string; sheet: string | null; rows: Raw[]; keys: (string | null)[]; filled?: Raw[] }

const CASES: Case[] = [
  {
    name: 'book number and address on the head row fill down until the next head',
    sheet: 'Bản Na Ngam',
    rows: [
      { full_name: 'Lò Văn Pánh', relation_to_head: 'Chủ hộ', household_book_no: '12 34', hamlet: 'Na Ngam', commune: 'Mường Phăng' },
      { full_name: 'Lò Thị Ín', relation_to_head: 'Vợ' },
      { full_name: 'Quàng Văn Xôm', relation_to_head: 'CH' },
      { full_name: 'Quàng Thị Hom', relation_to_head: 'Vợ' },
    ],
    keys: ['book:1234', 'book:1234', 'block:Bản Na Ngam:2', 'block:Bản Na Ngam:2'],
    filled: [
      { full_name: 'Lò Văn Pánh', relation_to_head: 'Chủ hộ', household_book_no: '12 34', hamlet: 'Na Ngam', commune: 'Mường Phăng' },
      { full_name: 'Lò Thị Ín', relation_to_head: 'Vợ', household_book_no: '12 34', hamlet: 'Na Ngam', commune: 'Mường Phăng' },
      { full_name: 'Quàng Văn Xôm', relation_to_head: 'CH' },
      { full_name: 'Quàng Thị Hom', relation_to_head: 'Vợ' },
    ],
  },
  {
    name: 'a new book number starts a block even without relations; the same number merged down does not',
    sheet: 'S',
    rows: [
      { full_name: 'A', household_book_no: '1' }, { full_name: 'B', household_book_no: '1' },
      { full_name: 'C' }, { full_name: 'D', household_book_no: '2' },
    ],
    keys: ['book:1', 'book:1', 'book:1', 'book:2'],
  },
  {
    name: 'rows before the first block have no household',
    sheet: 'S',
    rows: [{ full_name: 'A', relation_to_head: 'Con' }, { full_name: 'B', relation_to_head: 'Chủ hộ' }, { full_name: 'C', relation_to_head: 'Con' }],
    keys: [null, 'block:S:1', 'block:S:1'],
  },
  {
    name: 'no book, no relation, no head: no households',
    sheet: 'S',
    rows: [{ full_name: 'A' }, { full_name: 'B' }],
    keys: [null, null],
  },
  {
    name: 'CSV blocks have an empty sheet part',
    sheet: null,
    rows: [{ full_name: 'A', relation_to_head: 'chủ hộ' }, { full_name: 'B', relation_to_head: 'con' }],
    keys: ['block::1', 'block::1'],
  },
];

describe('assignHouseholds', () => {
  it.each(CASES)('$name', ({ sheet, rows, keys, filled }) => {
    const out = assignHouseholds(recs(rows), sheet);
    expect(out.map((r) => r.householdKey)).toEqual(keys);
    if (filled) expect(out.map((r) => r.raw)).toEqual(filled);
  });

  it('does not change its input', () => {
    const input = recs([{ full_name: 'A', relation_to_head: 'Chủ hộ', address: 'X' }, { full_name: 'B' }]);
    assignHouseholds(input, 'S');
    expect(input[1].raw).toEqual({ full_name: 'B' });
  });
});

describe('isHeadRelation / bookKey', () => {
  it.each<[string | undefined, boolean]>([
    ['Chủ hộ', true], ['CHỦ HỘ', true], ['CH', true], ['Chu ho', true], ['Chủ hộ (đã chết)', true],
    ['Vợ chủ hộ', false], ['Con', false], [undefined, false],
  ])('%j is head: %s', (v, yes) => expect(isHeadRelation(v)).toBe(yes));
  it('drops spaces from book numbers', () => expect(bookKey(' 01 23\u00a045 ')).toBe('012345'));
});
