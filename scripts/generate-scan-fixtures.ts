/**
 * Writes fixtures/scans/inbox and its truth.json (beside the inbox): three small household books made by the synthetic scan generator (one per damage level
 * and container: clean multi-page TIFF, moderate image-only PDF, poor JPEG pages one file each in a book folder),
 * a notes page hokhau must report as not recognised, and a truncated JPEG, with truth.json.
 *
 *   node --import tsx scripts/generate-scan-fixtures.ts
 *
 * Seeds were picked for three-page books (household page + two members) to keep the committed bytes small.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { generateScanSet, type ScanSetFormat } from './synthetic-scans/generate-scan-set.js';
import type { DamageLevel } from './synthetic-scans/scan-damage.js';
import { scanTruthToJson, type TruthFile } from './synthetic-scans/scan-truth.js';

const ROOT = 'fixtures/scans';
const OUT = `${ROOT}/inbox`;
const BOOKS: { level: DamageLevel; format: ScanSetFormat; seed: number }[] = [
  { level: 'clean', format: 'tiff', seed: 25 },
  { level: 'moderate', format: 'pdf', seed: 28 },
  { level: 'poor', format: 'jpeg', seed: 34 },
];

rmSync(ROOT, { recursive: true, force: true });
const write = (name: string, bytes: Buffer) => {
  mkdirSync(dirname(join(OUT, name)), { recursive: true });
  writeFileSync(join(OUT, name), bytes);
};
const files: TruthFile[] = [];
for (const book of BOOKS) {
  const truth = await generateScanSet({ seed: book.seed, households: 1, levels: [book.level], format: book.format, concurrency: 1 }, (file) => {
    write(file.name, file.bytes);
    // One page of the poor book is also kept truncated: a broken file is reported, the rest of the run goes on.
    if (book.level === 'poor' && file.name.endsWith('trang-03.jpg')) write('hong/trang-bi-cat.jpg', file.bytes.subarray(0, 6000));
  });
  files.push(...truth.files);
}
writeFileSync(join(ROOT, 'truth.json'), scanTruthToJson({ generator: 'scripts/generate-scans.ts', version: 1, seed: 0, households: BOOKS.length, levels: BOOKS.map((b) => b.level), format: 'fixtures', files }));

// A page that is neither a household page nor a member page (the book's notes on later changes).
const lines = ['NHỮNG THAY ĐỔI', 'Ngày 15 tháng 8 năm 2012: chuyển đến từ xã Thanh Minh', 'Ghi chú của cơ quan đăng ký'];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/>${lines
  .map((l, i) => `<text x="120" y="${300 + i * 120}" font-family="DejaVu Serif" font-size="40">${l}</text>`)
  .join('')}</svg>`;
write('trang-ghi-chu.png', await sharp(Buffer.from(svg)).grayscale().png({ compressionLevel: 9 }).toBuffer());
console.log(`wrote ${ROOT}`);
