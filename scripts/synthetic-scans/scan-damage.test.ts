import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import { Rng } from '../synthetic/prng.js';
import { damagePage, pageSize } from './scan-damage.js';

// A page with a dark block in the middle and a line of Vietnamese text, in page coordinates.
const BODY = '<rect x="600" y="1000" width="500" height="400" fill="#000"/>' +
  '<text x="150" y="300" font-family="DejaVu Serif" font-size="60">Họ và tên: Lò Thị Xuân</text>';

describe('damagePage', () => {
  it('keeps a clean page as rendered: 300 dpi A5, grey, no JPEG', async () => {
    const page = await damagePage(BODY, 'clean', new Rng(1));
    expect([page.width, page.height, page.dpi, page.channels]).toEqual([1748, 2480, 300, 1]);
    expect(page.jpeg).toBeNull();
    expect(page.damage).toEqual({ angle: 0, blur: 0, noise: 0 });
    const px = await page.pixels();
    expect(px.length).toBe(1748 * 2480);
    expect(px[10 * 1748 + 10]).toBe(255);
    expect(px[1200 * 1748 + 850]).toBe(0);
  });

  it('turns, blurs and adds noise at moderate, inside ±2° and saved as grey JPEG', async () => {
    const clean = await (await damagePage(BODY, 'clean', new Rng(1))).pixels();
    for (const seed of [2, 3, 4]) {
      const page = await damagePage(BODY, 'moderate', new Rng(seed));
      expect(Math.abs(page.damage.angle)).toBeLessThanOrEqual(2);
      expect(page.damage.blur).toBeGreaterThan(0);
      const meta = await sharp(page.jpeg!).metadata();
      expect([meta.format, meta.width, meta.height, meta.channels, meta.density]).toEqual(['jpeg', 1748, 2480, 1, 300]);
      const px = await page.pixels();
      let changed = 0;
      for (let i = 0; i < px.length; i += 97) if (Math.abs(px[i] - clean[i]) > 3) changed++;
      expect(changed / (px.length / 97)).toBeGreaterThan(0.2);
    }
  });

  it('scans poor pages at 200 dpi on yellowed paper, turned inside ±4°, the bed around them white', async () => {
    const page = await damagePage(BODY, 'poor', new Rng(5));
    expect(pageSize('poor')).toEqual({ width: 1165, height: 1653 });
    expect([page.width, page.height, page.dpi, page.channels]).toEqual([1165, 1653, 200, 3]);
    expect(Math.abs(page.damage.angle)).toBeLessThanOrEqual(4);
    const meta = await sharp(page.jpeg!).metadata();
    expect([meta.width, meta.height, meta.density]).toEqual([1165, 1653, 200]);
    const px = await page.pixels();
    const at = (x: number, y: number) => Array.from(px.subarray((y * 1165 + x) * 3, (y * 1165 + x) * 3 + 3));
    // Paper in the middle of an empty area is yellow: blue well below red.
    const [r, , b] = at(300, 1300);
    expect(r - b).toBeGreaterThan(25);
    // The very corner is scanner bed (the page is turned and shrunk into the frame): near white.
    if (Math.abs(page.damage.angle) > 1) for (const v of at(1, 1)) expect(v).toBeGreaterThan(200);
  });

  it('gives the same bytes for the same seed and different bytes for another', async () => {
    const a = await damagePage(BODY, 'moderate', new Rng(9));
    const b = await damagePage(BODY, 'moderate', new Rng(9));
    const c = await damagePage(BODY, 'moderate', new Rng(10));
    expect(a.jpeg!.equals(b.jpeg!)).toBe(true);
    expect(a.jpeg!.equals(c.jpeg!)).toBe(false);
  });
});
