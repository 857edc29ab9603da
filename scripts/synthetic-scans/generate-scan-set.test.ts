import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { generateScanSet, type ScanFile, type ScanSetOptions } from './generate-scan-set.js';
import type { ScanTruth } from './scan-truth.js';

async function run(options: ScanSetOptions): Promise<{ files: Map<string, string>; bytes: Map<string, Buffer>; truth: ScanTruth }> {
  const files = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  const truth = await generateScanSet(options, (f: ScanFile) => {
    files.set(f.name, createHash('sha256').update(f.bytes).digest('hex'));
    bytes.set(f.name, f.bytes);
  });
  return { files, bytes, truth };
}

describe('generateScanSet', () => {
  it('gives the same bytes and truth for the same seed, others for another seed', async () => {
    const options: ScanSetOptions = { seed: 3, households: 1, levels: ['moderate'], format: 'tiff', maxMembers: 2 };
    const a = await run(options);
    const b = await run(options);
    const c = await run({ ...options, seed: 4 });
    expect([...a.files]).toEqual([...b.files]);
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect([...c.files.values()]).not.toEqual([...a.files.values()]);
  });

  it('writes a book as household page then member pages, with truth for every page of every file', async () => {
    const { truth, bytes } = await run({ seed: 5, households: 2, levels: ['clean'], format: 'tiff', maxMembers: 2 });
    expect(truth.files).toHaveLength(2);
    for (const f of truth.files) {
      expect(f.file).toBe(`clean/so-${f.book_no}.tiff`);
      expect(f.pages.map((p) => p.page)).toEqual(f.pages.map((_, i) => i + 1));
      expect(f.pages.map((p) => p.kind)).toEqual(['household', ...f.pages.slice(1).map(() => 'member')]);
      expect(f.pages[0].fields.household_book_no).toBe(f.book_no);
      expect(f.pages[1].fields.relation_to_head).toBe('Chủ hộ');
      expect(f.pages[1].fields.full_name).toBe(f.pages[0].fields.household_head);
      expect((await sharp(bytes.get(f.file)!).metadata()).pages).toBe(f.pages.length);
    }
  });

  it('names loose pages by book and page, and keeps each page the same across levels but for the damage', async () => {
    const { truth } = await run({ seed: 6, households: 2, levels: ['clean', 'poor'], format: 'mixed', maxMembers: 1 });
    const byLevel = (level: string) => truth.files.filter((f) => f.level === level).flatMap((f) => f.pages);
    const clean = byLevel('clean');
    const poor = byLevel('poor');
    expect(poor.map((p) => p.fields)).toEqual(clean.map((p) => p.fields));
    expect(poor.every((p) => p.dpi === 200)).toBe(true);
    for (const f of truth.files) {
      if (f.format === 'png' || f.format === 'jpeg') expect(f.file).toMatch(/^(clean|poor)\/so-\d+\/trang-\d\d\.(png|jpg)$/);
      else expect(f.file).toMatch(/^(clean|poor)\/so-\d+\.(tiff|pdf)$/);
    }
  });
});
