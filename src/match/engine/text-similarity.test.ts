import { describe, expect, it } from 'vitest';
import { editDistance, jaroWinkler } from './text-similarity.js';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dixon', 'dicksonx', 0.8133],
    ['nguyen van hung', 'nguyen van hung', 1],
    ['nguyen van hung', 'nguyen van hunh', 0.9733],
    ['', 'abc', 0],
    ['abc', 'xyz', 0],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });
});

describe('editDistance', () => {
  it.each([
    ['011068001234', '011068001234', 0],
    ['011068001234', '011068001243', 1], // adjacent swap
    ['011068001234', '011068009234', 1],
    ['1968-03-12', '1986-03-12', 1], // 68 ↔ 86
    ['hoa', 'hoang', 2],
  ])('%s → %s = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('stops at max + 1', () => {
    expect(editDistance('0110680012', '9999999999', 1)).toBe(2);
  });

  // The one-typo question has its own path: it must say what the full table says, capped at 2.
  it.each([
    ['011068001234', '011068001243'], ['011068001234', '011068009234'], ['011068001234', '01106800123'], ['01106800123', '011068001234'],
    ['011068001234', '101068001234'], ['011068001234', '011068001234'], ['011068001234', '011086001243'], ['1968-03-12', '1968-12-03'],
    ['040123456', '040123465'], ['040123456', '04012345'], ['040123456', '40123456'], ['040123456', '0401234567'], ['040123456', '041023456'],
    ['abc', 'bca'], ['ab', 'ba'], ['a', ''], ['', 'ab'], ['abcd', 'abdc'], ['abcd', 'acbd'], ['abcd', 'badc'],
  ])('at most one typo: %s ↔ %s as the table says', (a, b) => {
    expect(editDistance(a, b, 1)).toBe(Math.min(editDistance(a, b), 2));
  });
});
