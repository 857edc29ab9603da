import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ReviewPerson, RunReview } from '../db/match-reviews.js';
import { findReviewColumns, parseReviewDecision, reviewDuplicatesCsv, showProbability } from './review-duplicates-csv.js';

const side = (values: Partial<ReviewPerson>): ReviewPerson => ({
  id: 1, status: 'active', full_name: 'Lò Văn Pánh', birth_date: null, sex: null, personal_id: null, old_id: null, ethnicity: null,
  household_book_no: null, relation_to_head: null, address_text: null, commune_code: null, sources: [], ...values,
});

const PAIR: RunReview = {
  id: 101,
  run_id: 'r2',
  probability: 0.9312,
  explanation_vi: '-4.0 ngày sinh khác; họ tên giống +9.8',
  a: side({ id: 4, status: 'pending_review', birth_date: '1968', sex: 'M', old_id: '040123456', household_book_no: '123456',
    sources: [{ file: 'xa-muong-phang.xlsx', sheet: 'Bản Na Ngám', row: 15, page: null }] }),
  b: side({ id: 1, birth_date: '1968-03-12', sex: 'M', personal_id: '011068001234', ethnicity: 'Thái', household_book_no: '123456',
    relation_to_head: 'Chủ hộ', address_text: '=HYPERLINK("http://x")', commune_code: '03124',
    sources: [{ file: 'ban-na-ngam-2019.csv', sheet: null, row: 7, page: null }, { file: 'so-ho-khau.pdf', sheet: null, row: null, page: 3 }] }),
};

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
}

describe('reviewDuplicatesCsv', () => {
  it('puts both records side by side, Vietnamese headers with English, the reasons and an empty decision', () => {
    const [row] = parse(reviewDuplicatesCsv([PAIR]));
    expect(row).toMatchObject({
      'mã cặp (pair id)': '101',
      'xác suất trùng (match probability)': '93,1%',
      'họ tên A (name A)': 'Lò Văn Pánh',
      'họ tên B (name B)': 'Lò Văn Pánh',
      'ngày sinh A (birth date A)': '1968',
      'ngày sinh B (birth date B)': '12/03/1968',
      'giới tính A (sex A)': 'Nam',
      'số định danh A (personal id A)': '',
      'số định danh B (personal id B)': '011068001234',
      'số CMND A (old id A)': '040123456',
      'dân tộc B (ethnicity B)': 'Thái',
      'số sổ hộ khẩu A (household book A)': '123456',
      'quan hệ với chủ hộ B (relation to head B)': 'Chủ hộ',
      'mã xã B (commune code B)': '03124',
      'nguồn A (source A)': 'xa-muong-phang.xlsx, trang tính Bản Na Ngám, dòng 15',
      'nguồn B (source B)': 'ban-na-ngam-2019.csv, dòng 7; so-ho-khau.pdf, trang 3',
      'quyết định: trùng / khác / bỏ qua (decision: same / different / skip)': '',
    });
  });

  it('neutralises cells Excel would run as formulas', () => {
    const [row] = parse(reviewDuplicatesCsv([PAIR]));
    expect(row['giải thích (explanation)']).toBe("'-4.0 ngày sinh khác; họ tên giống +9.8");
    expect(row['địa chỉ B (address B)']).toBe('\'=HYPERLINK("http://x")');
  });

  it('is a header alone when no pair waits', () => {
    expect(reviewDuplicatesCsv([]).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('showProbability', () => {
  it.each([
    [0.9312, '93,1%'],
    [0.99996, '99,9%'],
    [1, '100,0%'],
    [0.5, '50,0%'],
    [0.07, '7,0%'],
  ])('%s → %s', (p, shown) => expect(showProbability(p)).toBe(shown));
});

describe('parseReviewDecision', () => {
  it.each([
    ['trùng', 'same'], ['Trùng', 'same'], ['TRÙNG', 'same'], ['trung', 'same'], [' trùng. ', 'same'], ['trùng (same)', 'same'],
    ['same', 'same'], ['Same', 'same'], ['khác', 'different'], ['KHAC', 'different'], ['Different', 'different'],
    ['bỏ qua', 'skip'], ['Bỏ qua', 'skip'], ['bo qua', 'skip'], ['boqua', 'skip'], ['skip', 'skip'], ['SKIP', 'skip'],
    ['', ''], ['   ', ''], ['có lẽ', null], ['x', null], ['trùng khác', null], ['?', null], ['khác?', null], ['Trùng ?', null], ['trùng (same?)', 'same'], ['1', null],
  ])('%j → %j', (text, decision) => expect(parseReviewDecision(text)).toBe(decision));
});

describe('findReviewColumns', () => {
  it.each([
    [['mã cặp (pair id)', 'xác suất', 'quyết định: trùng / khác / bỏ qua (decision: same / different / skip)'], { pairId: 0, decision: 2 }],
    [['STT', 'MÃ CẶP', 'Họ tên A', 'Quyết định'], { pairId: 1, decision: 3 }],
    [['pair id', 'decision'], { pairId: 0, decision: 1 }],
    [['tệp (file)', 'dòng (row)', 'trường (field)', 'corrected_value'], null],
    [['Họ và tên', 'Năm sinh'], null],
    [['mã cặp (pair id)', 'giải thích'], null],
  ])('%j', (cells, columns) => expect(findReviewColumns(cells)).toEqual(columns));
});
