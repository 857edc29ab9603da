import { describe, expect, it } from 'vitest';
import { removeLeadersAndSpecks } from './preprocess-leaders.js';

/** A binary page drawn from boxes: [x, y, width, height] filled with ink. */
function page(width: number, height: number, boxes: Array<[number, number, number, number]>): Uint8Array {
  const ink = new Uint8Array(width * height);
  for (const [x0, y0, w, h] of boxes) for (let y = y0; y < y0 + h; y++) ink.fill(1, y * width + x0, y * width + x0 + w);
  return ink;
}

const sum = (ink: Uint8Array): number => ink.reduce((s, v) => s + v, 0);

/** Dots `size` square every `pitch` pixels along a baseline. */
function dots(x0: number, y: number, count: number, size: number, pitch: number): Array<[number, number, number, number]> {
  return Array.from({ length: count }, (_, i) => [x0 + i * pitch, y, size, size] as [number, number, number, number]);
}

describe('removeLeadersAndSpecks', () => {
  it.each([
    ['a leader of 12 dots (…………)', dots(20, 50, 12, 5, 16), 12 * 25],
    ['a leader of periods, tighter', dots(20, 50, 20, 4, 10), 20 * 16],
    ['a blurred leader of 6 dots', dots(20, 50, 6, 7, 20), 6 * 49],
  ])('erases %s', (_name, boxes, pixels) => {
    const ink = page(400, 100, boxes);
    const result = removeLeadersAndSpecks(ink, 400, 100, 300);
    expect(result.leaderPixels).toBe(pixels);
    expect(sum(ink)).toBe(0);
  });

  it.each([
    // Three dots: an ellipsis in running text, not a leader.
    ['an ellipsis', dots(20, 50, 3, 5, 16)],
    // Tone marks over a line of syllables: one per word, a word's width apart.
    ['tone marks one per syllable', dots(20, 30, 6, 6, 70)],
    // Marks at different heights and sizes (ễ, ị, ờ, ả) close together: not one centre line.
    [
      'marks at different heights',
      [
        [20, 30, 8, 6],
        [40, 62, 5, 5],
        [60, 28, 6, 9],
        [80, 34, 7, 7],
        [100, 64, 5, 5],
        [120, 29, 9, 5],
      ] as Array<[number, number, number, number]>,
    ],
    // Dots of i between letters whose stems rise through the dots' band.
    ['dots of i with letters between', [...dots(20, 30, 6, 5, 24), ...Array.from({ length: 5 }, (_, i) => [32 + i * 24, 22, 4, 40] as [number, number, number, number])]],
  ])('keeps %s', (_name, boxes) => {
    const ink = page(400, 100, boxes);
    const before = sum(ink);
    const result = removeLeadersAndSpecks(ink, 400, 100, 300);
    expect(result.leaders).toBe(0);
    expect(sum(ink)).toBe(before);
  });

  it("erases a leader's pieces that an entry's descenders cut off from it, on its pitch grid", () => {
    // Dots every 12 px from x=20; a descender (the g of Nguyễn) swallows the 5th and 6th dots, another stands
    // between the 7th and 8th: pieces of 4 and 1 dots, then the rest of the leader as a chain.
    const leader = dots(20, 60, 30, 4, 12).filter((_, i) => i !== 4 && i !== 5);
    const descenders: Array<[number, number, number, number]> = [[66, 20, 12, 45], [98, 20, 3, 45]];
    const ink = page(500, 100, [...leader, ...descenders]);
    removeLeadersAndSpecks(ink, 500, 100, 300);
    expect(sum(ink)).toBe(12 * 45 + 3 * 45);
  });

  it("keeps dots on a leader's line that are off its pitch grid or of another size", () => {
    const ink = page(600, 100, [
      ...dots(300, 60, 20, 4, 12), // the leader
      [30, 60, 4, 4], // half a pitch off the grid (its dots are at x = 24, 36 …)
      [50, 60, 6, 6], // bigger: a mark, not a leader dot
      [104, 70, 4, 4], // on the grid but below the line
    ]);
    removeLeadersAndSpecks(ink, 600, 100, 300);
    expect(sum(ink)).toBe(16 + 36 + 16);
  });

  it('removes specks of a few pixels but not the dot under ạ', () => {
    const ink = page(200, 100, [
      [10, 10, 1, 1],
      [50, 20, 2, 1],
      [90, 30, 1, 2],
      [140, 60, 4, 4],
    ]);
    const result = removeLeadersAndSpecks(ink, 200, 100, 300);
    expect(result.speckPixels).toBe(5);
    expect(sum(ink)).toBe(16);
  });
});
