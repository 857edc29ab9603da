import { describe, expect, it } from 'vitest';
import { normalizeSex } from './sex.js';

describe('normalizeSex', () => {
  // raw, value, issue codes
  const cases: [string, 'M' | 'F' | null, string[]][] = [
    ['Nam', 'M', []],
    ['nam', 'M', []],
    ['NAM', 'M', []],
    [' Nam. ', 'M', []],
    ['M', 'M', []],
    ['Male', 'M', []],
    ['Trai', 'M', []],
    ['Con trai', 'M', []],
    ['Nam giới', 'M', []],
    ['Giới tính: Nam', 'M', []],
    ['N', 'M', ['sex_abbreviated']],
    ['Nữ', 'F', []],
    ['nữ', 'F', []],
    ['NỮ', 'F', []],
    ['Nu', 'F', []],
    ['Nử', 'F', []], // tone typo
    ['Nũ', 'F', []],
    ['Nu\u031B\u0303', 'F', []], // decomposed
    ['F', 'F', []],
    ['Female', 'F', []],
    ['Gái', 'F', []],
    ['con gái', 'F', []],
    ['Nữ giới', 'F', []],
    ['', null, []],
    ['   ', null, []],
    ['1', null, ['sex_unknown']],
    ['0', null, ['sex_unknown']],
    ['2', null, ['sex_unknown']],
    ['x', null, ['sex_unknown']],
    ['Nam/Nữ', null, ['sex_unknown']],
    ['?', null, ['sex_unknown']],
    ['Ông', null, ['sex_unknown']],
  ];
  it.each(cases)('%j → %s', (raw, value, expectedCodes) => {
    const result = normalizeSex(raw);
    expect(result.value).toBe(value);
    expect(result.issues.map((i) => i.code)).toEqual(expectedCodes);
  });

  it('sends unknown values to review with the raw value in the message', () => {
    const [issue] = normalizeSex('1').issues;
    expect(issue).toMatchObject({ field: 'sex', severity: 'review' });
    expect(issue.message).toContain('"1"');
    expect(issue.message).toContain('giới tính');
  });

  it('keeps the N abbreviation as a warning only', () => {
    expect(normalizeSex('N').issues[0].severity).toBe('warning');
  });
});
