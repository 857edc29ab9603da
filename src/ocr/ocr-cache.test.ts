import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrCache } from './ocr-cache.js';
import type { OcrPage } from './ocr-types.js';

const page: OcrPage = { width: 100, height: 50, lines: [{ text: 'Dân tộc: Thái', confidence: 91, bbox: { x0: 1, y0: 2, x1: 90, y1: 20 }, words: [] }] };

describe('OcrCache', () => {
  it('finds a page by its image bytes, and only under the same version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-ocr-cache-'));
    const cache = new OcrCache(dir, 'v1');
    const image = Buffer.from('page image bytes');
    expect(await cache.get(cache.key(image))).toBeNull();
    await cache.put(cache.key(image), page);
    expect(await new OcrCache(dir, 'v1').get(cache.key(Buffer.from('page image bytes')))).toEqual(page);
    expect(await cache.get(cache.key(Buffer.from('another page')))).toBeNull();
    const other = new OcrCache(dir, 'v2');
    expect(await other.get(other.key(image))).toBeNull();
  });

  it('treats a half-written entry as missing, and does nothing without a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-ocr-cache-'));
    const cache = new OcrCache(dir, 'v1');
    const key = cache.key(Buffer.from('x'));
    await cache.put(key, page);
    const [sub] = readdirSync(dir);
    writeFileSync(join(dir, sub, `${key}.json`), '{"width": 10, "li');
    expect(await cache.get(key)).toBeNull();
    const none = new OcrCache(null, 'v1');
    expect(await none.put(key, page)).toBe(page);
    expect(await none.get(key)).toBeNull();
  });
});
