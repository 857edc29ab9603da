import { deflateSync } from 'node:zlib';
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type PageImage, PageImageError, countPages, readPageImages } from './page-images.js';

async function collect(bytes: Buffer, kind: 'image' | 'pdf', maxPixels?: number): Promise<Array<PageImage | PageImageError>> {
  const out: Array<PageImage | PageImageError> = [];
  for await (const item of readPageImages(bytes, kind, maxPixels ? { maxPixels } : {})) out.push(item);
  return out;
}

function grayPng(width: number, height: number, level: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: level, g: level, b: level } } })
    .png()
    .toBuffer();
}

/** Three pages told apart by their gray level, as sharp writes multi-page TIFF (pages padded to one size). */
async function threePageTiff(): Promise<Buffer> {
  const pages = [await grayPng(300, 400, 20), await grayPng(300, 400, 120), await grayPng(300, 400, 230)];
  return sharp(pages, { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
}

interface TiffPage {
  width: number;
  height: number;
  level: number;
  dpi: number;
  /** What the header says, when it lies about the size (a bomb). */
  claimed?: { width: number; height: number };
}

/** A hand-built little-endian multi-page TIFF: 8-bit gray, uncompressed, one strip per page, with resolution. */
function handBuiltTiff(pages: TiffPage[]): Buffer {
  const chunks: Buffer[] = [];
  let offset = 8;
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  chunks.push(header);
  let previousNext = 4; // where the previous "next IFD" offset is written
  let previousChunk = header;
  for (const page of pages) {
    const pixels = Buffer.alloc(page.width * page.height, page.level);
    const resolution = Buffer.alloc(8);
    resolution.writeUInt32LE(page.dpi, 0);
    resolution.writeUInt32LE(1, 4);
    const entries: Array<[tag: number, type: number, value: number]> = [
      [256, 4, page.claimed?.width ?? page.width],
      [257, 4, page.claimed?.height ?? page.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, 0], // strip offset, filled below
      [277, 3, 1],
      [278, 4, page.claimed?.height ?? page.height],
      [279, 4, pixels.length],
      [282, 5, 0], // x resolution, filled below
      [283, 5, 0],
      [296, 3, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    const ifdOffset = offset;
    const resolutionOffset = ifdOffset + ifd.length;
    const pixelsOffset = resolutionOffset + resolution.length;
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      const v = tag === 273 ? pixelsOffset : tag === 282 || tag === 283 ? resolutionOffset : value;
      if (type === 3) ifd.writeUInt16LE(v, at + 8);
      else ifd.writeUInt32LE(v, at + 8);
    });
    previousChunk.writeUInt32LE(ifdOffset, previousNext);
    chunks.push(ifd, resolution, pixels);
    previousChunk = ifd;
    previousNext = ifd.length - 4;
    offset = pixelsOffset + pixels.length + (pixels.length % 2); // IFDs start on a word boundary
    if (pixels.length % 2) chunks.push(Buffer.alloc(1));
  }
  return Buffer.concat(chunks);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose header claims width × height gray pixels, with a few bytes of data: a decompression bomb. */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An image-only PDF: one A5 page per PNG, the image filling the page. */
function imagePdf(pngs: Buffer[], options = 'compress'): Buffer {
  const doc = new mupdf.PDFDocument();
  for (const png of pngs) {
    const image = doc.addImage(new mupdf.Image(png));
    const resources = doc.addObject({ XObject: { Im0: image } });
    doc.insertPage(-1, doc.addPage([0, 0, 420, 595], 0, resources, 'q 420 0 0 595 0 0 cm /Im0 Do Q'));
  }
  const out = Buffer.from(doc.saveToBuffer(options).asUint8Array());
  doc.destroy();
  return out;
}

function isPage(item: PageImage | PageImageError | undefined): item is PageImage {
  return item !== undefined && !(item instanceof PageImageError);
}

describe('readPageImages: images', () => {
  it('reads a PNG as gray pixels with its pHYs resolution', async () => {
    const png = await sharp(await grayPng(120, 80, 90)).withMetadata({ density: 300 }).png().toBuffer();
    const [page] = await collect(png, 'image');
    expect(isPage(page)).toBe(true);
    const p = page as PageImage;
    expect([p.page, p.width, p.height, p.dpi, p.gray.length]).toEqual([1, 120, 80, 300, 120 * 80]);
    expect(Math.abs(p.gray[0]! - 90)).toBeLessThanOrEqual(1);
  });

  it('reads a JPEG with its density', async () => {
    const jpeg = await sharp(await grayPng(200, 100, 200)).withMetadata({ density: 200 }).jpeg().toBuffer();
    const [page] = await collect(jpeg, 'image');
    expect(isPage(page) && [page.width, page.height, page.dpi]).toEqual([200, 100, 200]);
  });

  it('yields the pages of a multi-page TIFF written by sharp in order', async () => {
    const tiff = await threePageTiff();
    expect(await countPages(tiff, 'image')).toBe(3);
    const pages = await collect(tiff, 'image');
    expect(pages.map((p) => (isPage(p) ? [p.page, p.width, p.height, Math.round(p.gray[0]! / 10)] : p.message))).toEqual([
      [1, 300, 400, 2],
      [2, 300, 400, 12],
      [3, 300, 400, 23],
    ]);
  });

  it('yields pages of different sizes and resolutions from a scanner-style TIFF', async () => {
    const tiff = handBuiltTiff([
      { width: 120, height: 170, level: 40, dpi: 200 },
      { width: 170, height: 120, level: 140, dpi: 300 },
      { width: 90, height: 130, level: 240, dpi: 150 },
    ]);
    const pages = await collect(tiff, 'image');
    expect(pages.map((p) => (isPage(p) ? [p.page, p.width, p.height, p.dpi, p.gray[77]] : p.message))).toEqual([
      [1, 120, 170, 200, 40],
      [2, 170, 120, 300, 140],
      [3, 90, 130, 150, 240],
    ]);
  });

  it('reports a bomb page in the middle of a book and goes on with the pages after it', async () => {
    const tiff = handBuiltTiff([
      { width: 120, height: 170, level: 40, dpi: 300 },
      { width: 8, height: 8, level: 0, dpi: 300, claimed: { width: 40000, height: 40000 } },
      { width: 90, height: 130, level: 240, dpi: 300 },
    ]);
    const pages = await collect(tiff, 'image');
    expect(pages.map((p) => (isPage(p) ? `page ${p.page}` : `${p.page}: ${p.problem}`))).toEqual([
      'page 1',
      '2: too-large',
      'page 3',
    ]);
    expect((pages[1] as PageImageError).message).toMatch(/^Ảnh trang 2 quá lớn \(40000×40000 điểm ảnh, giới hạn 60 triệu\)/);
  });

  it('applies a smaller pixel limit when asked', async () => {
    const pages = await collect(await threePageTiff(), 'image', 100_000);
    expect(pages.map((p) => p instanceof PageImageError && p.problem)).toEqual(['too-large', 'too-large', 'too-large']);
  });

  it('refuses a decompression bomb from its header, without allocating it', async () => {
    const before = process.memoryUsage().rss;
    const pages = await collect(bombPng(30000, 30000), 'image');
    expect(pages).toHaveLength(1);
    const error = pages[0] as PageImageError;
    expect(error).toBeInstanceOf(PageImageError);
    expect(error.message).toMatch(/^Ảnh trang 1 quá lớn \(30000×30000 điểm ảnh, giới hạn 60 triệu\): .*tệp độc hại/);
    expect(error.message).toContain('page image too large');
    // 900 MB of pixels were claimed; nothing like it was touched.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('reports a truncated JPEG as a corrupt page in Vietnamese', async () => {
    const noisy = Buffer.alloc(400 * 300);
    for (let i = 0; i < noisy.length; i++) noisy[i] = (i * 7919) % 251;
    const jpeg = await sharp(noisy, { raw: { width: 400, height: 300, channels: 1 } }).jpeg().toBuffer();
    const pages = await collect(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'image');
    const error = pages[0] as PageImageError;
    expect(error).toBeInstanceOf(PageImageError);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/^Không đọc được ảnh trang 1: dữ liệu ảnh hỏng hoặc bị cắt cụt/);
  });

  it.each([
    ['text', Buffer.from('Họ và tên: Nguyễn Văn An')],
    ['empty', Buffer.alloc(0)],
    ['a PDF given as an image', Buffer.from('%PDF-1.4\n%âãÏÓ\n')],
  ])('throws for a file that is not an image (%s)', async (_name, bytes) => {
    const error = await collect(bytes, 'image').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageImageError);
    expect((error as PageImageError).page).toBeNull();
    expect((error as PageImageError).message).toMatch(/^Không đọc được tệp ảnh/);
  });
});

describe('readPageImages: PDF', () => {
  it('renders the pages of an image-only PDF at 300 dpi, in order', async () => {
    const pdf = imagePdf([await grayPng(210, 298, 30), await grayPng(210, 298, 220)]);
    expect(await countPages(pdf, 'pdf')).toBe(2);
    const pages = await collect(pdf, 'pdf');
    expect(pages.map((p) => (isPage(p) ? [p.page, p.width, p.height, p.dpi, Math.round(p.gray[p.gray.length >> 1]! / 10)] : p.message))).toEqual([
      [1, 1750, 2480, 300, 3],
      [2, 1750, 2480, 300, 22],
    ]);
  });

  it('refuses a page whose rendering would be over the pixel limit', async () => {
    const pages = await collect(imagePdf([await grayPng(50, 70, 0)]), 'pdf', 1_000_000);
    expect((pages[0] as PageImageError).problem).toBe('too-large');
    expect((pages[0] as PageImageError).message).toMatch(/^Ảnh trang 1 quá lớn \(1750×24\d\d điểm ảnh, giới hạn 1 triệu\)/);
  });

  it('throws a Vietnamese error for a password-protected PDF', async () => {
    const pdf = imagePdf([await grayPng(50, 70, 0)], 'encrypt=aes-256,user-password=bimat,owner-password=bimat2');
    const error = await collect(pdf, 'pdf').catch((e: unknown) => e);
    expect((error as PageImageError).problem).toBe('encrypted');
    expect((error as PageImageError).message).toMatch(/^Không mở được tệp PDF vì tệp có mật khẩu/);
  });

  it('throws a Vietnamese error for a file that is not a PDF', async () => {
    const error = await countPages(Buffer.from('Sổ hộ khẩu số 110234567'), 'pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageImageError);
    expect((error as PageImageError).message).toMatch(/^Không mở được tệp PDF: tệp hỏng hoặc không phải PDF/);
  });
});
