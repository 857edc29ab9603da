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
});
