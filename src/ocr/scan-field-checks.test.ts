import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../ingest/source-record.js';
import { normalizeRecord } from '../normalize/normalize-record.js';
import { isPlausibleEntry, isPlausibleName, scanFieldIssues } from './scan-field-checks.js';

const today = new Date('2025-06-01T12:00:00');
const BASE: SourceRecord['raw'] = {
  full_name: 'Lò Thị Mỷ', birth_date: '05/11/2009', sex: 'Nữ', ethnicity: 'Thái', religion: 'Không',
  nationality: 'Việt Nam', relation_to_head: 'Con', birthplace: 'Bản Na Ngám, xã Mường Phăng', occupation: 'Học sinh',
  personal_id: '011309001234',
};

function issuesFor(raw: SourceRecord['raw']): { codes: string[]; fields: string[]; messages: string[]; normalizedCodes: string[] } {
  const record: SourceRecord = { locator: { file: 'so-hk.pdf', sheet: null, row: null, page: 3 }, raw, confidence: {}, householdKey: null };
  const normalized = normalizeRecord(record, { today });
  const issues = scanFieldIssues(raw, normalized);
  for (const i of issues) expect(i.severity).toBe('review');
  return {
    codes: issues.map((i) => i.code),
    fields: issues.map((i) => i.field),
    messages: issues.map((i) => i.message),
    normalizedCodes: normalized.issues.map((i) => i.code),
  };
}

/** [what, fields changed from BASE, codes expected from scanFieldIssues]. */
const CASES: [string, SourceRecord['raw'], string[]][] = [
  ['a plausible page', {}, []],
  ['a minority name with an apostrophe and a consonant cluster', { full_name: "H'Hen Niê Kđăm" }, ['ocr_family_name_unknown']],
  ['a sign no address has', { address: 'Thân !, xã Nà Tòng, huyện Tuần Giáo' }, ['ocr_address_odd_sign']],
  ['an address with numbers and abbreviations', { address: 'Số nhà 12/3, Tổ 5 - P. Him Lam, TP. Điện Biên Phủ' }, []],
  ['a family name OCR stripped of its second mark', { full_name: 'Câm Văn Khăm' }, ['ocr_family_name_unknown']],
  ['a family name read as another syllable', { full_name: 'ở Thị Phanh' }, ['ocr_family_name_unknown']],
  ['Thái and Mông family names', { full_name: 'Cầm Văn Khăm' }, []],
  ['a Mông family name', { full_name: 'Giàng Thị Mỷ' }, []],
  ['a name syllable OCR made up', { full_name: 'Lò Thj Mỷ' }, ['ocr_name_syllable_invalid']],
  ['a name that lost its diacritics', { full_name: 'Nguyen Thi Huong' }, ['ocr_name_without_diacritics']],
  ['digits in the head of household', { household_head: 'Lò V4n Pánh' }, ['ocr_name_has_digits']],
  ['odd punctuation in another name', { other_name: 'Mỷ;' }, ['ocr_name_odd_punctuation']],
  ['a religion not in the list', { religion: 'Phậtgiáo' }, ['ocr_religion_unknown']],
  ['a known religion in another spelling', { religion: 'Thiên chúa giáo' }, []],
  ['a religion OCR split wrongly', { religion: 'Tin l ành' }, ['ocr_religion_unknown']],
  ['a nationality not in the list', { nationality: 'Việt Nom' }, ['ocr_nationality_unknown']],
  ['sex read as one letter', { sex: 'N', personal_id: '011209001234' }, ['ocr_sex_abbreviated']],
  ['a two-digit year', { birth_date: '05/11/09' }, ['ocr_date_two_digit_year']],
  ['stray text in the date', { birth_date: '05/11/2009 x' }, ['ocr_date_extra_text']],
  ['a personal ID one digit short that the padding makes agree', { personal_id: '11309001234' }, ['ocr_personal_id_digit_missing']],
  ['a birthplace word that is no syllable', { birthplace: 'Xã Thanh Xưong, huyện Điện Biên' }, ['ocr_text_syllable_invalid']],
  ['abbreviations in an occupation', { occupation: 'Giáo viên THCS, UBND xã' }, []],
];

describe('scanFieldIssues', () => {
  for (const [what, change, codes] of CASES) {
    it(what, () => {
      expect(issuesFor({ ...BASE, ...change }).codes).toEqual(codes);
    });
  }

  it('shows the value in a Vietnamese message', () => {
    expect(issuesFor({ ...BASE, religion: 'Phậtgiáo' }).messages).toEqual(["Tôn giáo không có trong danh mục: 'Phậtgiáo'"]);
  });

  // Fields normalizeRecord already sent to review are not raised twice.
  const ALREADY: [string, SourceRecord['raw'], string][] = [
    ['digits in the name', { full_name: 'Lò Th1 Mỷ' }, 'name_has_digits'],
    ['an impossible date', { birth_date: '31/02/2009' }, 'date_impossible'],
    ['an unknown ethnic group', { ethnicity: 'Tháy' }, 'ethnicity_unknown_group'],
    ['an unknown sex', { sex: 'Nam Nữ' }, 'sex_unknown'],
    ['an unknown relation', { relation_to_head: 'Cơn' }, 'relation_unknown'],
    ['a personal ID that disagrees with the birth year', { personal_id: '011308001234' }, 'personal_id_birth_year_mismatch'],
  ];
  for (const [what, change, code] of ALREADY) {
    it(`adds nothing for ${what} (normalizeRecord raised ${code})`, () => {
      const result = issuesFor({ ...BASE, ...change });
      expect(result.normalizedCodes).toContain(code);
      expect(result.codes).toEqual([]);
    });
  }
});

describe('isPlausibleName', () => {
  it('passes a name of Vietnamese syllables with a known family name, in any case', () => {
    expect(isPlausibleName('Lò Thị Ín')).toBe(true);
    expect(isPlausibleName('QUÀNG VĂN PẤNG')).toBe(true);
  });

  it('fails digits, stray marks, broken syllables and an unknown family name', () => {
    expect(isPlausibleName('1ò Thị Ín')).toBe(false);
    expect(isPlausibleName('3⁄øi Thị Thảo')).toBe(false);
    expect(isPlausibleName('Nguyễn Đưức Bình')).toBe(false);
    expect(isPlausibleName('Jương Quang Nam')).toBe(false);
  });
});

describe('isPlausibleEntry', () => {
  it('wants a value of the list in a closed field', () => {
    expect(isPlausibleEntry('relation_to_head', 'Chủ hộ')).toBe(true);
    expect(isPlausibleEntry('relation_to_head', 'hộ')).toBe(false);
    expect(isPlausibleEntry('sex', 'XMam')).toBe(false);
    expect(isPlausibleEntry('ethnicity', 'Mèo')).toBe(true);
  });

  it('wants syllables, numbers and abbreviations without odd signs in places and address parts, and a unit word before a hamlet', () => {
    expect(isPlausibleEntry('district', 'Mường Lay')).toBe(true);
    expect(isPlausibleEntry('district', 'À7/ường Lay')).toBe(false);
    expect(isPlausibleEntry('commune', 'W4 Lay')).toBe(false);
    expect(isPlausibleEntry('birthplace', 'TP Điện Biên Phủ')).toBe(true);
    expect(isPlausibleEntry('hamlet', 'Tổ 13')).toBe(true);
    expect(isPlausibleEntry('hamlet', 'Bản Huổi Hốc')).toBe(true);
    expect(isPlausibleEntry('hamlet', '7ổ73')).toBe(false);
    expect(isPlausibleEntry('hamlet', 'Huổi Hốc')).toBe(false);
    expect(isPlausibleEntry('address', 'Số nhà 104')).toBe(true);
    expect(isPlausibleEntry('address', '')).toBe(false);
  });
});
