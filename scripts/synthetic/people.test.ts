import { describe, it, expect } from 'vitest';
import { generateHouseholds } from './people.js';
import { makePersonalId, personalIdProblem, sexCenturyDigit } from './personal-id.js';
import { Rng } from './prng.js';

describe('Rng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const seq = (r: Rng) => Array.from({ length: 5 }, () => r.int(0, 1000));
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
  });
});

describe('personal IDs', () => {
  it.each([
    ['011', 'M', 1968, '004213', '011068004213'],
    ['011', 'F', 1968, '004213', '011168004213'],
    ['034', 'M', 2003, '000001', '034203000001'],
    ['011', 'F', 2010, '123456', '011310123456'],
  ] as const)('%s %s %i → %s', (prefix, sex, year, serial, id) => {
    expect(makePersonalId(prefix, sex, year, serial)).toBe(id);
    expect(personalIdProblem(id, sex, year)).toBeNull();
  });

  it.each([
    ['011168004213', 'M', 1968, 'sex_mismatch'],
    ['011068004213', 'M', 1969, 'birth_year_mismatch'],
    ['003068004213', 'M', 1968, 'unknown_province_prefix'],
    ['01106800421', 'M', 1968, 'not_12_digits'],
  ] as const)('%s for %s %i is %s', (id, sex, year, problem) => {
    expect(personalIdProblem(id, sex, year)).toBe(problem);
  });

  it('puts the century in the sex digit', () => {
    expect([sexCenturyDigit('M', 1999), sexCenturyDigit('F', 1999), sexCenturyDigit('M', 2000), sexCenturyDigit('F', 2024)]).toEqual([0, 1, 2, 3]);
  });
});

describe('generateHouseholds', () => {
  const households = generateHouseholds(7, 3000);
  const people = households.flatMap((h) => h.members);

  it('is deterministic and gives exactly the persons asked for', () => {
    expect(JSON.stringify(generateHouseholds(7, 3000))).toBe(JSON.stringify(households));
    expect(JSON.stringify(generateHouseholds(8, 3000))).not.toBe(JSON.stringify(households));
    expect(people).toHaveLength(3000);
  });

  it('gives unique 6–9 digit book numbers and a head first in each household', () => {
    const books = households.map((h) => h.bookNo);
    expect(new Set(books).size).toBe(books.length);
    for (const h of households) {
      expect(h.bookNo).toMatch(/^[1-9]\d{5,8}$/);
      expect(h.members[0].relation).toBe('Chủ hộ');
      expect(h.address.province).toBe('Điện Biên');
    }
  });

  it('gives IDs valid by rule, unique, and leaves about 15% without one', () => {
    const ids = people.filter((p) => p.personalId !== null);
    for (const p of ids) expect(personalIdProblem(p.personalId!, p.sex, Number(p.birthDate.slice(0, 4)))).toBeNull();
    expect(new Set(ids.map((p) => p.personalId)).size).toBe(ids.length);
    const without = 1 - ids.length / people.length;
    expect(without).toBeGreaterThan(0.08);
    expect(without).toBeLessThan(0.25);
    for (const p of people) if (p.oldId) expect(p.oldId).toMatch(/^04\d{7}$/);
  });

  it('mixes birth-date precisions and the main ethnic groups', () => {
    const yearOnly = people.filter((p) => p.birthDate.length === 4).length / people.length;
    expect(yearOnly).toBeGreaterThan(0.12);
    expect(yearOnly).toBeLessThan(0.35);
    expect(people.some((p) => p.birthDate.length === 7)).toBe(true);
    const groups = new Set(people.map((p) => p.ethnicity));
    for (const g of ['Mông', 'Thái', 'Kinh']) expect(groups.has(g)).toBe(true);
  });

  it('names Mông men with a clan marker and Thái people with Văn/Thị', () => {
    for (const p of people) {
      if (p.ethnicity === 'Thái') expect(['Văn', 'Thị']).toContain(p.middle);
      if (p.ethnicity === 'Mông' && p.sex === 'F') expect(p.middle).toBe('Thị');
      expect(p.fullName).toBe([p.family, p.middle, p.given].join(' '));
    }
  });
});
