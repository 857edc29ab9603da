import { describe, it, expect } from 'vitest';
import type { SourceRecord } from '../ingest/source-record.js';
import { normalizeRecord } from './normalize-record.js';

const today = new Date('2025-06-01T00:00:00Z');

/** Builds a personal ID from its rules: prefix, sex+century digit, 2-digit year, 6-digit serial. */
function makeId(prefix: string, sex: 'M' | 'F', year: number, serial = '004512'): string {
  const digit = (Math.floor(year / 100) === 20 ? 2 : 0) + (sex === 'F' ? 1 : 0);
  return `${prefix}${digit}${String(year % 100).padStart(2, '0')}${serial}`;
}

function rec(raw: SourceRecord['raw'], confidence: SourceRecord['confidence'] = {}): SourceRecord {
  return { locator: { file: 'muong-phang.xlsx', sheet: 'Bản Nà Ngam', row: 7, page: null }, raw, confidence, householdKey: 'book:110234567' };
}

const codes = (r: { issues: { code: string }[] }): string[] => r.issues.map((i) => i.code).sort();

describe('normalizeRecord: a clean household head', () => {
  it('normalizes every field', () => {
    const id = makeId('011', 'M', 1968);
    const r = normalizeRecord(
      rec({
        seq: '1',
        full_name: 'LÒ VĂN PÁNH',
        other_name: 'Không',
        birth_date: '12/03/1968',
        sex: 'Nam',
        ethnicity: 'Thái Đen',
        religion: 'Không',
        personal_id: id.replace(/(\d{3})(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 $4'),
        old_id: '040123456',
        birthplace: 'XÃ MƯỜNG PHĂNG, HUYỆN ĐIỆN BIÊN',
        native_place: 'Mường Phăng, Điện Biên',
        occupation: 'LÀM RUỘNG',
        household_book_no: '110 234 567',
        relation_to_head: 'CH',
        hamlet: 'Bản Nà Ngam',
        commune: 'Xã Mường Phăng',
        district: 'Huyện Điện Biên',
        province: 'Tỉnh Điện Biên',
      }),
      { today },
    );
    expect(r.issues).toEqual([]);
    expect(r.outcome).toBe('ok');
    expect(r.values).toEqual({
      full_name: 'Lò Văn Pánh',
      family_name: 'Lò',
      middle_name: 'Văn',
      given_name: 'Pánh',
      name_key: expect.any(String),
      other_name: null,
      birth_date: '1968-03-12',
      sex: 'M',
      ethnicity: 'Thái',
      ethnicity_code: '03',
      ethnicity_code_list: 'QD121-1979',
      religion: 'Không',
      nationality: 'Việt Nam',
      personal_id: id,
      old_id: '040123456',
      birthplace: 'Xã Mường Phăng, Huyện Điện Biên',
      native_place: 'Mường Phăng, Điện Biên',
      occupation: 'Làm ruộng',
      household_book_no: '110234567',
      relation_to_head: 'Chủ hộ',
      address_text: 'Bản Nà Ngam, Xã Mường Phăng, Huyện Điện Biên, Tỉnh Điện Biên',
      hamlet: 'Bản Nà Ngam',
    });
  });
});

describe('normalizeRecord: alternative column layouts', () => {
  it('joins family+middle and given name; the female year column gives the sex', () => {
    const r = normalizeRecord(
      rec({ family_middle: 'LÒ THỊ', given_name: 'ÚN', birth_year_female: '1972', ethnicity: 'Mèo', relation_to_head: 'Vợ',
        id_any: makeId('011', 'F', 1972), nationality: 'VN' }),
      { today },
    );
    expect(r.outcome).toBe('ok');
    expect(r.values).toMatchObject({ full_name: 'Lò Thị Ún', given_name: 'Ún', sex: 'F', birth_date: '1972',
      ethnicity: 'Mông', ethnicity_code: '08', relation_to_head: 'Vợ', nationality: 'Việt Nam', personal_id: makeId('011', 'F', 1972) });
  });
  it('reads day / month / year columns and a one-column address', () => {
    const r = normalizeRecord(
      rec({ full_name: 'Quàng Văn Thắng', birth_day: '5', birth_month: '9', birth_year: '2003', sex: 'nam',
        address: 'bản Che Phai, xã Mường Phăng', relation_to_head: 'Con trai', id_any: '011.203.004.512' }),
      { today },
    );
    expect(r.outcome).toBe('ok');
    expect(r.values).toMatchObject({ birth_date: '2003-09-05', sex: 'M', personal_id: '011203004512',
      address_text: 'bản Che Phai, xã Mường Phăng', hamlet: null, relation_to_head: 'Con trai' });
  });
  it('does not give a foreigner the default nationality', () => {
    const r = normalizeRecord(rec({ full_name: 'Vàng Thị Mai', birth_date: '1990', ethnicity: 'Người nước ngoài' }), { today });
    expect(r.values?.nationality).toBeNull();
    expect(codes(r)).toEqual(['ethnicity_foreign', 'nationality_missing_foreigner']);
    expect(r.outcome).toBe('ok');
  });
  it('uses the pipeline default nationality', () => {
    const r = normalizeRecord(rec({ full_name: 'Vừ A Dính', birth_year_male: '1990' }), { today, defaultNationality: 'Lào' });
    expect(r.values?.nationality).toBe('Lào');
    expect(r.values?.sex).toBe('M');
  });
});

describe('normalizeRecord: review', () => {
  const cases: [string, SourceRecord, string[], string[]][] = [
    ['ID birth year disagrees with the record',
      rec({ full_name: 'Lường Thị Xuân', birth_date: '1986', sex: 'Nữ', personal_id: makeId('011', 'F', 1968) }),
      ['personal_id_birth_year_mismatch'], ['personal_id']],
    ['ID says male, record says female',
      rec({ full_name: 'Lường Thị Xuân', birth_date: '1968', sex: 'Nữ', personal_id: makeId('011', 'M', 1968) }),
      ['personal_id_sex_mismatch'], ['personal_id']],
    ['ID lost its leading zero (typed as a number), no sex to confirm it',
      rec({ full_name: 'Lò Văn Pánh', birth_date: '1968', personal_id: makeId('011', 'M', 1968).slice(1) }),
      ['personal_id_leading_zero_lost'], ['personal_id']],
    ['year in the female column, sex column says Nam',
      rec({ full_name: 'Lò Văn Pánh', birth_year_female: '1968', sex: 'Nam' }),
      ['sex_conflict'], ['sex']],
    ['year in both Nam and Nữ columns',
      rec({ full_name: 'Lò Văn Pánh', birth_year_male: '1968', birth_year_female: '1968' }),
      ['birth_year_both_sexes'], ['birth_year_male']],
    ['unknown ethnicity and relation',
      rec({ full_name: 'Cà Văn Dung', birth_date: '1980', ethnicity: 'Tày Pọng', relation_to_head: 'Bạn thân' }),
      ['ethnicity_unknown_group', 'relation_unknown'], ['ethnicity', 'relation_to_head']],
    ['impossible birth date: the person is kept, the date goes to a reviewer',
      rec({ full_name: 'Lò Văn Pánh', birth_date: '31/02/1968' }),
      ['date_impossible'], ['birth_date']],
    ['low OCR confidence on the name',
      rec({ full_name: 'Lò Văn Pánh', birth_date: '1968' }, { full_name: 0.62, birth_date: 0.97 }),
      ['low_confidence'], ['full_name']],
    ['an ID read at 0.88: enough for a name, not for an identity number',
      rec({ full_name: 'Lò Văn Pánh', birth_date: '1968', sex: 'Nam', personal_id: '011068001234' }, { full_name: 0.88, personal_id: 0.88 }),
      ['low_confidence'], ['personal_id']],
    ['a house number read at 0.87: its digits are not checked either',
      rec({ full_name: 'Lò Văn Pánh', birth_date: '1968', address: 'Số nhà 704, Bản Na Ngám, xã Thanh Xương' }, { full_name: 0.95, address: 0.87 }),
      ['low_confidence'], ['address']],
  ];
  it.each(cases)('%s', (_label, record, expected, fields) => {
    const r = normalizeRecord(record, { today });
    expect(codes(r)).toEqual([...expected].sort());
    expect([...new Set(r.issues.map((i) => i.field))].sort()).toEqual([...fields].sort());
    expect(r.outcome).toBe('review');
    expect(r.values).not.toBeNull();
  });
  it('keeps the explicit sex on a conflict', () => {
    const r = normalizeRecord(rec({ full_name: 'Lò Văn Pánh', birth_year_female: '1968', sex: 'Nam' }), { today });
    expect(r.values?.sex).toBe('M');
  });
  it('says the confidence in the message', () => {
    const r = normalizeRecord(rec({ full_name: 'Lò Văn Pánh' }, { full_name: 0.62 }), { today });
    expect(r.issues[0].message).toContain('62%');
  });
});

describe('normalizeRecord: reject', () => {
  const cases: [string, SourceRecord, string][] = [
    ['no name at all', rec({ birth_date: '1968', sex: 'Nam', relation_to_head: 'Con' }), 'name_missing'],
    ['ID in Excel scientific notation', rec({ full_name: 'Lò Văn Pánh', birth_date: '1968', personal_id: '1.10680E+10' }), 'personal_id_mangled'],
  ];
  it.each(cases)('%s', (_label, record, code) => {
    const r = normalizeRecord(record, { today });
    expect(r.outcome).toBe('reject');
    expect(r.issues.map((i) => i.code)).toContain(code);
  });
  it('returns no values without a name, but values for other rejects (for the quarantine list)', () => {
    expect(normalizeRecord(rec({ birth_date: '1968' }), { today }).values).toBeNull();
    expect(normalizeRecord(rec({ full_name: 'Lò Văn Pánh', personal_id: '1.1E+11' }), { today }).values?.full_name).toBe('Lò Văn Pánh');
  });
});

describe('normalizeRecord: never throws', () => {
  const odd: unknown[] = [
    {},
    { raw: null, confidence: null },
    { locator: null, raw: { full_name: 42, birth_date: {}, personal_id: 1.1e11 }, confidence: { full_name: NaN } },
    { raw: { full_name: '\u0000\u200b', sex: '???', id_any: '////', ethnicity: '()' }, confidence: { sex: -1 } },
  ];
  it.each(odd.map((o, i) => [i, o]))('odd record #%i', (_i, record) => {
    expect(() => normalizeRecord(record as SourceRecord, { today })).not.toThrow();
    expect(['ok', 'review', 'reject']).toContain(normalizeRecord(record as SourceRecord, { today }).outcome);
  });
});

describe('normalizeRecord: repeated spellings', () => {
  it('gives the same answer again, and a caller changing one answer does not change the next', () => {
    const record = rec({ full_name: 'Lò Văn Pánh', birth_date: '2031', ethnicity: 'Tày Pọng' });
    const first = normalizeRecord(record, { today });
    first.issues[0].message = 'changed';
    first.issues[0].field = 'changed';
    const second = normalizeRecord(record, { today });
    expect(second.issues.map((i) => i.field).sort()).toEqual(['birth_date', 'ethnicity']);
    expect(second.issues.every((i) => i.message !== 'changed')).toBe(true);
  });
  it('does not reuse a future-date answer for another reference day', () => {
    const record = rec({ full_name: 'Lò Văn Pánh', birth_date: '2026' });
    expect(normalizeRecord(record, { today }).outcome).toBe('review');
    expect(normalizeRecord(record, { today: new Date('2027-01-01T00:00:00Z') }).outcome).toBe('ok');
  });
});

describe('normalizeRecord: an ID that lost its leading zero in a number cell', () => {
  const id = makeId('011', 'F', 1972);
  it.each([
    ['agrees with birth year and sex: loaded, warning kept', { birth_date: '1972', sex: 'Nữ' }, 'ok', 'warning'],
    ['sex disagrees: review', { birth_date: '1972', sex: 'Nam' }, 'review', 'review'],
    ['no birth year to check against: review', { sex: 'Nữ' }, 'review', 'review'],
  ])('%s', (_label, raw, outcome, severity) => {
    const r = normalizeRecord(rec({ full_name: 'Quàng Thị Ưng', personal_id: id.slice(1), ...raw }), { today });
    expect(r.values?.personal_id).toBe(id);
    expect(r.outcome).toBe(outcome);
    expect(r.issues.find((i) => i.code === 'personal_id_leading_zero_lost')?.severity).toBe(severity);
  });
});
