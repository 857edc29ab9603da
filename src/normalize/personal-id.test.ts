import { describe, it, expect } from 'vitest';
import { checkPersonalId, decodePersonalId, normalizeIds } from './personal-id.js';

/** Builds a personal ID from its rules: prefix, sex+century digit, 2-digit year, 6-digit serial. */
function makeId(prefix: string, sex: 'M' | 'F', year: number, serial = '001234'): string {
  const centuryIndex = { 19: 0, 20: 1, 21: 2, 22: 3, 18: 4 }[Math.floor(year / 100)]!;
  const digit = centuryIndex * 2 + (sex === 'F' ? 1 : 0);
  return `${prefix}${digit}${String(year % 100).padStart(2, '0')}${serial}`;
}

const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code).sort();

describe('makeId (test helper) agrees with the published examples', () => {
  it('encodes sex and century in the 4th digit', () => {
    expect(makeId('011', 'M', 1968)).toBe('011068001234');
    expect(makeId('011', 'F', 1968)).toBe('011168001234');
    expect(makeId('001', 'M', 2005)).toBe('001205001234');
    expect(makeId('001', 'F', 2005)).toBe('001305001234');
    expect(makeId('079', 'F', 1899)).toBe('079999001234');
  });
});

describe('decodePersonalId', () => {
  it.each([
    ['011', 'M', 1968],
    ['011', 'F', 1975],
    ['001', 'M', 2003],
    ['096', 'F', 2019],
    ['046', 'M', 1900],
    ['002', 'F', 1999],
  ] as const)('%s %s %i', (prefix, sex, year) => {
    const d = decodePersonalId(makeId(prefix, sex, year))!;
    expect(d.sex).toBe(sex);
    expect(d.birthYear).toBe(year);
    expect(d.province?.prefix).toBe(prefix);
  });
  it('returns null for anything but 12 digits', () => {
    expect(decodePersonalId('01106800123')).toBeNull();
    expect(decodePersonalId('01106800123a')).toBeNull();
  });
});

describe('checkPersonalId', () => {
  const cases: [string, string, { birthYear: number | null; sex: 'M' | 'F' | null }, string[]][] = [
    ['valid male 1968, Điện Biên', makeId('011', 'M', 1968), { birthYear: 1968, sex: 'M' }, []],
    ['valid female 1975, Điện Biên', makeId('011', 'F', 1975), { birthYear: 1975, sex: 'F' }, []],
    ['valid male 2004, Hà Nội', makeId('001', 'M', 2004), { birthYear: 2004, sex: 'M' }, []],
    ['valid female 2010, Lai Châu', makeId('012', 'F', 2010), { birthYear: 2010, sex: 'F' }, []],
    ['valid, Hà Giang prefix still valid after the 2025 merger', makeId('002', 'F', 1990), { birthYear: 1990, sex: 'F' }, []],
    ['valid, sex and year unknown', makeId('014', 'M', 1980), { birthYear: null, sex: null }, []],
    ['wrong prefix 003 (no such province)', makeId('003', 'M', 1968), { birthYear: 1968, sex: 'M' }, ['personal_id_unknown_prefix']],
    ['wrong prefix 099', makeId('099', 'F', 1990), { birthYear: 1990, sex: 'F' }, ['personal_id_unknown_prefix']],
    ['sex mismatch: ID says female, record male', makeId('011', 'F', 1968), { birthYear: 1968, sex: 'M' }, ['personal_id_sex_mismatch']],
    ['sex mismatch: ID says male, record female', makeId('011', 'M', 2001), { birthYear: 2001, sex: 'F' }, ['personal_id_sex_mismatch']],
    ['year mismatch 1968 vs 1986', makeId('011', 'M', 1968), { birthYear: 1986, sex: 'M' }, ['personal_id_birth_year_mismatch']],
    ['century mismatch 2005 vs 1905', makeId('011', 'F', 2005), { birthYear: 1905, sex: 'F' }, ['personal_id_birth_year_mismatch']],
    ['everything wrong', makeId('005', 'F', 1970), { birthYear: 1971, sex: 'M' }, ['personal_id_birth_year_mismatch', 'personal_id_sex_mismatch', 'personal_id_unknown_prefix']],
    ['1800s century with no birth year to compare', makeId('011', 'M', 1868), { birthYear: null, sex: 'M' }, ['personal_id_century_implausible']],
    ['not 12 digits', '11068001234', { birthYear: 1968, sex: 'M' }, ['personal_id_format']],
  ];
  it.each(cases)('%s', (_label, id, person, expected) => {
    const issues = checkPersonalId(id, person);
    expect(codes(issues)).toEqual([...expected].sort());
    for (const i of issues) {
      expect(i.severity).toBe('review');
      expect(i.field).toBe('personal_id');
      expect(i.message).toContain(id);
    }
  });
});

describe('normalizeIds', () => {
  const valid = makeId('011', 'M', 1968); // 011068001234
  const cases: [string, Parameters<typeof normalizeIds>[0], { personal_id: string | null; old_id: string | null }, string[]][] = [
    ['plain 12 digits', { personal_id: valid }, { personal_id: valid, old_id: null }, []],
    ['spaced', { personal_id: '011 068 001 234' }, { personal_id: valid, old_id: null }, []],
    ['dotted', { personal_id: '011.068.001.234' }, { personal_id: valid, old_id: null }, []],
    ['dashed with non-breaking space', { personal_id: ' 011-068-001234\u00a0' }, { personal_id: valid, old_id: null }, []],
    ['full-width digits', { personal_id: '０１１０６８００１２３４' }, { personal_id: valid, old_id: null }, []],
    ['Excel formula forcing text', { personal_id: '="011068001234"' }, { personal_id: valid, old_id: null }, []],
    ['Excel text apostrophe', { personal_id: "'011068001234" }, { personal_id: valid, old_id: null }, []],
    ['label before the number', { id_any: 'CCCD số: 011068001234' }, { personal_id: valid, old_id: null }, []],
    ['CMND with leading zero kept', { old_id: '040123456' }, { personal_id: null, old_id: '040123456' }, []],
    ['CMND dotted', { old_id: '040.123.456' }, { personal_id: null, old_id: '040123456' }, []],
    ['CMND lost its leading zero', { old_id: '40123456' }, { personal_id: null, old_id: '040123456' }, ['old_id_leading_zero_lost']],
    ['11 digits: lost leading zero', { personal_id: '11068001234' }, { personal_id: valid, old_id: null }, ['personal_id_leading_zero_lost']],
    ['11 digits read back as a float', { personal_id: '11068001234.0' }, { personal_id: valid, old_id: null }, ['personal_id_leading_zero_lost']],
    ['10 digits: Hà Nội lost two zeros', { id_any: '1205001234' }, { personal_id: '001205001234', old_id: null }, ['personal_id_leading_zero_lost']],
    ['11 digits that no zero can fix', { personal_id: '99068001234' }, { personal_id: null, old_id: null }, ['personal_id_length']],
    ['scientific notation', { personal_id: '1.10680E+10' }, { personal_id: null, old_id: null }, ['personal_id_mangled']],
    ['scientific notation, comma decimal', { id_any: '1,10680E+11' }, { personal_id: null, old_id: null }, ['personal_id_mangled']],
    ['id_any with 9 digits is CMND', { id_any: '040123456' }, { personal_id: null, old_id: '040123456' }, []],
    ['id_any with 12 digits is CCCD', { id_any: valid }, { personal_id: valid, old_id: null }, []],
    ['12 digits in the CMND column is a CCCD', { old_id: valid }, { personal_id: valid, old_id: null }, ['old_id_is_personal_id']],
    ['9 digits in the CCCD column is a CMND', { personal_id: '040123456' }, { personal_id: null, old_id: '040123456' }, ['personal_id_is_old_id']],
    ['both numbers in one cell', { id_any: '040123456 / 011068001234' }, { personal_id: valid, old_id: '040123456' }, []],
    ['both columns filled', { personal_id: valid, old_id: '040123456' }, { personal_id: valid, old_id: '040123456' }, []],
    ['two different CCCDs', { personal_id: valid, id_any: makeId('011', 'F', 1970) }, { personal_id: valid, old_id: null }, ['personal_id_conflict']],
    ['7 digits', { id_any: '1234567' }, { personal_id: null, old_id: null }, ['personal_id_length']],
    ['letters in the number', { personal_id: '0110680O1234' }, { personal_id: null, old_id: null }, ['personal_id_invalid']],
    ['all zeros', { personal_id: '000000000000' }, { personal_id: null, old_id: null }, ['personal_id_placeholder']],
    ['"Chưa cấp" and "-" mean no number', { personal_id: 'Chưa cấp', old_id: '-' }, { personal_id: null, old_id: null }, []],
    ['empty', {}, { personal_id: null, old_id: null }, []],
  ];
  it.each(cases)('%s', (_label, raw, value, expected) => {
    const r = normalizeIds(raw);
    expect(r.value).toEqual(value);
    expect(codes(r.issues)).toEqual([...expected].sort());
  });

  it('keeps the raw text in the message of every review or reject issue', () => {
    for (const raw of ['11068001234', '1.10680E+11', '1234567', '0110680O1234']) {
      const r = normalizeIds({ personal_id: raw });
      expect(r.issues.length).toBe(1);
      expect(r.issues[0].message).toContain(raw);
    }
  });
  it('rejects scientific notation, reviews a lost zero', () => {
    expect(normalizeIds({ personal_id: '1.10680E+11' }).issues[0].severity).toBe('reject');
    expect(normalizeIds({ personal_id: '11068001234' }).issues[0].severity).toBe('review');
  });
  it('never throws on odd input', () => {
    for (const raw of ['', ' ', '////', 'E+11', '1e', '0'.repeat(40), '\u0000', '１２３']) {
      expect(() => normalizeIds({ personal_id: raw, old_id: raw, id_any: raw })).not.toThrow();
    }
    expect(() => normalizeIds(undefined as never)).not.toThrow();
  });
});
