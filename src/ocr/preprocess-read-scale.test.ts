import { describe, expect, it } from 'vitest';
import { findComponents } from './preprocess-components.js';
import { GLYPH_TARGET, glyphHeight, readScale } from './preprocess-read-scale.js';

/** A binary page (1 = ink) with filled boxes of the given heights, each 12 px wide, in a row. */
function marks(heights: number[], width = 14 * heights.length + 10): { ink: Uint8Array; width: number; height: number } {
  const height = Math.max(...heights) + 10;
  const ink = new Uint8Array(width * height);
  heights.forEach((h, i) => {
    for (let y = 5; y < 5 + h; y++) for (let x = 5 + 14 * i; x < 17 + 14 * i; x++) ink[y * width + x] = 1;
  });
  return { ink, width, height };
}

describe('glyphHeight', () => {
  it('takes the tall letters, past the many short diacritics and broken strokes', () => {
    const page = marks([...Array(60).fill(4), ...Array(50).fill(20), ...Array(35).fill(30)]);
    // 4-px marks of 48 pixels count as letters; the 90th percentile of 145 marks is a 30-px one.
    expect(glyphHeight(findComponents(page.ink, page.width, page.height), 300, () => false)).toBe(30);
  });

  it('leaves out specks, rulings and the marks it is told to skip', () => {
    const page = marks([...Array(50).fill(20), ...Array(10).fill(1)]);
    const blobs = findComponents(page.ink, page.width, page.height);
    expect(glyphHeight(blobs, 300, () => false)).toBe(20);
    const ruling = { ink: new Uint8Array(2000 * 10).fill(1), width: 2000, height: 10 };
    expect(glyphHeight(findComponents(ruling.ink, ruling.width, ruling.height), 300, () => false)).toBeNull();
    expect(glyphHeight(blobs, 300, (c) => c % 2 === 0)).toBeNull(); // 25 left: too few to measure
  });

  it('is null on a page with too few marks to measure', () => {
    const page = marks(Array(20).fill(30));
    expect(glyphHeight(findComponents(page.ink, page.width, page.height), 300, () => false)).toBeNull();
  });
});

describe('readScale', () => {
  it('shrinks the tall letters to the target height, never enlarges, never below a floor', () => {
    expect(readScale(2 * GLYPH_TARGET)).toBe(0.5);
    expect(readScale(GLYPH_TARGET)).toBe(1);
    expect(readScale(10)).toBe(1);
    expect(readScale(500)).toBe(0.3);
    expect(readScale(null)).toBe(1);
  });
});
