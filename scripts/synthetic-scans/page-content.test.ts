import { describe, it, expect } from 'vitest';
import { checkPersonalId, normalizeIds } from '../../src/normalize/personal-id.js';
import { normalizeDate } from '../../src/normalize/date.js';
import { normalizeSex } from '../../src/normalize/sex.js';
import { normalizeRelation } from '../../src/normalize/relation.js';
import { normalizeEthnicity } from '../../src/normalize/ethnicity.js';
import { RAW_FIELDS } from '../../src/ingest/source-record.js';
import { DIEN_BIEN_COMMUNES } from '../synthetic/dien-bien-units.js';
import { EDITIONS } from './print-editions.js';
import { formatBirthDate, householdContent, memberContent } from './page-content.js';
import { generateScanHouseholds, yearOf } from './scan-household.js';

const today = new Date('2025-01-01');
const households = generateScanHouseholds(11, 120);
const pages = households.flatMap((h) => {
  const edition = EDITIONS[h.index % EDITIONS.length];
  return h.members.map((m) => ({ m, edition, content: memberContent(m, edition) }));
});

describe('formatBirthDate', () => {
  it.each([
    ['1968-03-02', 'dd/mm/yyyy', '02/03/1968'],
    ['1968-03-02', 'd/m/yyyy', '2/3/1968'],
    ['1968-03-02', 'dd.mm.yyyy', '02.03.1968'],
    ['1968-11-25', 'dd-mm-yyyy', '25-11-1968'],
    ['1968-03', 'dd/mm/yyyy', '03/1968'],
    ['1968-03', 'd/m/yyyy', '3/1968'],
    ['1947', 'dd.mm.yyyy', '1947'],
  ] as const)('%s in %s → %s', (iso, style, printed) => {
    expect(formatBirthDate(iso, style)).toBe(printed);
  });
});

describe('scan households', () => {
  it('is deterministic per seed and gives unique book numbers', () => {
    expect(JSON.stringify(generateScanHouseholds(11, 120))).toBe(JSON.stringify(households));
    expect(JSON.stringify(generateScanHouseholds(12, 5))).not.toBe(JSON.stringify(households.slice(0, 5)));
    expect(new Set(households.map((h) => h.bookNo)).size).toBe(households.length);
  });

  it('registers every member on or after birth, with NFC text', () => {
    for (const { m } of pages) {
      expect(m.registered.year).toBeGreaterThanOrEqual(yearOf(m.person));
      expect(m.person.fullName).toBe(m.person.fullName.normalize('NFC'));
    }
  });

  it('spreads books over several communes of Điện Biên', () => {
    const codes = new Set(households.map((h) => h.household.address.communeCode));
    expect(codes.size).toBeGreaterThan(30);
    const known = new Set(DIEN_BIEN_COMMUNES.map((c) => c.communeCode));
    for (const code of codes) expect(known.has(code)).toBe(true);
  });
});

describe('member page truth', () => {
  it('uses raw field names (plus passport and previous_address) and leaves empty entries out', () => {
    const allowed = new Set<string>([...RAW_FIELDS, 'passport', 'previous_address']);
    for (const { content } of pages) {
      for (const [key, value] of Object.entries(content.fields)) {
        expect(allowed.has(key), key).toBe(true);
        expect(value).not.toBe('');
      }
    }
    expect(pages.some(({ content }) => content.fields.other_name === undefined)).toBe(true);
    expect(pages.some(({ content }) => content.fields.other_name !== undefined)).toBe(true);
  });

  it('prints personal IDs the project accepts: right prefix, sex and birth year', () => {
    const withId = pages.filter(({ content }) => content.fields.personal_id);
    expect(withId.length).toBeGreaterThan(100);
    for (const { m, content } of withId) {
      const id = content.fields.personal_id!;
      expect(checkPersonalId(id, { birthYear: yearOf(m.person), sex: m.person.sex }), id).toEqual([]);
      expect(normalizeIds({ personal_id: id })).toEqual({ value: { personal_id: id, old_id: null }, issues: [] });
    }
  });

  it('prints old CMND numbers as 9 digits, under the CMND label read by length', () => {
    const withOld = pages.filter(({ content }) => content.fields.old_id);
    expect(withOld.length).toBeGreaterThan(10);
    for (const { content } of withOld) {
      const id = content.fields.old_id!;
      expect(normalizeIds({ id_any: id })).toEqual({ value: { personal_id: null, old_id: id }, issues: [] });
      expect(content.expected.old_id).toBe(id);
    }
  });

  it('keeps the 12-digit number off the CMND line when the edition has its own personal-ID line', () => {
    const both = EDITIONS.find((e) => e.memberRows.flat().some((f) => f.slot === 'personal_id') && e.memberRows.flat().some((f) => f.slot === 'cmnd'))!;
    const m = households.flatMap((h) => h.members).find((x) => x.person.personalId && !x.person.oldId)!;
    const c = memberContent(m, both);
    expect(c.values.personal_id).toBe(m.person.personalId);
    expect(c.values.cmnd).toBeUndefined();
  });

  it('prints dates, sex, relation and ethnicity that normalize to the expected values', () => {
    for (const { content } of pages) {
      const { fields, expected } = content;
      expect(normalizeDate(fields.birth_date!, { today }), fields.birth_date).toEqual({ value: expected.birth_date, issues: [] });
      expect(normalizeSex(fields.sex!).value).toBe(expected.sex);
      expect(normalizeRelation(fields.relation_to_head!).issues).toEqual([]);
      expect(normalizeEthnicity(fields.ethnicity!).value?.name).toBe(expected.ethnicity);
    }
  });
});

describe('household page truth', () => {
  it('gives the book number, the head and the address as one line or unit by unit', () => {
    for (const h of households.slice(0, 8)) {
      for (const edition of EDITIONS) {
        const c = householdContent(h, edition);
        expect(c.fields.household_book_no).toBe(h.bookNo);
        expect(c.fields.household_head).toBe(h.members[0].person.fullName);
        expect(c.expected.commune_code).toBe(h.household.address.communeCode);
        const split = edition.householdRows.flat().some((f) => f.slot === 'commune');
        if (split) {
          expect(c.fields.commune).toBe(h.household.address.commune);
          expect(c.fields.province).toBe('Điện Biên');
        } else {
          expect(c.fields.address).toMatch(new RegExp(`^(Số nhà \\d+, )?${h.household.address.hamlet}, (xã|phường|thị trấn) ${h.household.address.commune}, .+, tỉnh Điện Biên$`));
        }
      }
    }
  });
});
