import sharp from 'sharp';
import type { PageImage } from './page-images.js';

/**
 * Test pages for the OCR preprocessing: a member page of a household book drawn from SVG (DejaVu Serif has
 * every Vietnamese glyph), with form lines, a box and dotted leaders at known places, then damaged like a scan.
 * Test-only: the seeded generator for benchmarks lives in scripts/.
 *
 * @example
 * const page = await renderTestPage({ rotate: 3, yellow: true, noise: 12 });
 */

export interface TestPageOptions {
  /** Degrees clockwise. */
  rotate?: number;
  /** Yellowed paper darkening towards one corner. */
  yellow?: boolean;
  /** Gaussian blur sigma in pixels. */
  blur?: number;
  /** Gaussian noise standard deviation in gray levels (seeded). */
  noise?: number;
  /** Re-encode as JPEG at this quality. */
  jpegQuality?: number;
  /** Pixels per inch of the output (the page is drawn at 300 and resized). */
  dpi?: number;
  /** Draw form lines, the box and the leaders (default true). */
  forms?: boolean;
}

export const TEST_PAGE = { width: 1748, height: 2480, fontSize: 40 } as const;

/** Each row: label at x=110, a leader from x=LEADER_X to x=VALUE_X−40, the entry at VALUE_X; rows 110 px apart. */
export const LEADER_X = 760;
export const VALUE_X = 1160;
export const ROW_Y0 = 560;
export const ROW_STEP = 110;

export const TEST_ROWS: ReadonlyArray<readonly [label: string, value: string]> = [
  ['Quan hệ với chủ hộ:', 'Con đẻ'],
  ['Họ và tên:', 'Nguyễn Thị Hường'],
  ['Họ và tên gọi khác:', 'Không'],
  ['Ngày, tháng, năm sinh:', '03/11/1987'],
  ['Giới tính:', 'Nữ'],
  ['Nơi sinh:', 'Xã Thanh Xương'],
  ['Nguyên quán:', 'Huyện Điện Biên'],
  ['Dân tộc:', 'Thái'],
  ['Tôn giáo:', 'Không'],
  ['Quốc tịch:', 'Việt Nam'],
  ['CMND số:', '040187001234'],
  ['Nghề nghiệp:', 'Giáo viên'],
  ['Nơi làm việc:', 'Trường TH Na Son'],
];

export const TEST_TITLE = ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'NHÂN KHẨU THƯỜNG TRÚ'];

/** The text a perfect reading returns, line by line (leaders and lines are not text). */
export function testPageText(): string[] {
  return [...TEST_TITLE, ...TEST_ROWS.map(([label, value]) => `${label} ${value}`)];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function testPageSvg(forms = true): string {
  const { width, height, fontSize } = TEST_PAGE;
  const parts: string[] = [];
  const text = (x: number, y: number, s: string, extra = ''): void => {
    parts.push(`<text x="${x}" y="${y}" font-family="DejaVu Serif" font-size="${fontSize}" ${extra}>${escapeXml(s)}</text>`);
  };
  text(width / 2, 200, TEST_TITLE[0]!, 'text-anchor="middle" font-weight="bold"');
  text(width / 2, 260, TEST_TITLE[1]!, 'text-anchor="middle"');
  text(width / 2, 400, TEST_TITLE[2]!, 'text-anchor="middle" font-weight="bold"');
  TEST_ROWS.forEach(([label, value], i) => {
    const y = ROW_Y0 + i * ROW_STEP;
    text(110, y, label);
    if (forms) text(LEADER_X, y, i % 2 === 0 ? '………………' : '.................................');
    text(VALUE_X, y, value);
    if (forms && i % 3 === 2) parts.push(`<line x1="100" y1="${y + 22}" x2="${width - 100}" y2="${y + 22}" stroke="black" stroke-width="3"/>`);
  });
  if (forms) {
    parts.push(`<rect x="80" y="460" width="${width - 160}" height="${TEST_ROWS.length * ROW_STEP + 60}" fill="none" stroke="black" stroke-width="4"/>`);
    parts.push(`<line x1="${VALUE_X - 30}" y1="460" x2="${VALUE_X - 30}" y2="${470 + TEST_ROWS.length * ROW_STEP}" stroke="black" stroke-width="2"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`;
}

/** A seeded normal variate (Box–Muller over a linear congruential generator): noise the same on every run. */
function seededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Renders and damages the test page; returns it as a PageImage (raw gray) and as encoded bytes. */
export async function renderTestPage(options: TestPageOptions = {}): Promise<{ image: PageImage; bytes: Buffer }> {
  const { width, height } = TEST_PAGE;
  let img = sharp(Buffer.from(testPageSvg(options.forms ?? true)));
  let { data, info } = await img.flatten({ background: '#fff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  let gray = Buffer.from(data);
  if (options.rotate) {
    ({ data, info } = await sharp(gray, { raw: { width: info.width, height: info.height, channels: 1 } })
      .rotate(options.rotate, { background: '#ffffff' })
      .extract({ left: 0, top: 0, width, height })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true }));
    gray = data;
  }
  if (options.blur) {
    gray = await sharp(gray, { raw: { width, height, channels: 1 } }).blur(options.blur).toColourspace('b-w').raw().toBuffer();
  }
  if (options.yellow || options.noise) {
    const normal = seededNormal(20240611);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        let v = gray[i]!;
        // Paper from 225 at the top left to 150 at the bottom right; ink darkens with it.
        if (options.yellow) v = (v * (225 - 75 * ((x / width + y / height) / 2))) / 255;
        if (options.noise) v += normal() * options.noise;
        gray[i] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
      }
    }
  }
  let outW: number = width;
  let outH: number = height;
  const dpi = options.dpi ?? 300;
  let pipeline = sharp(gray, { raw: { width, height, channels: 1 } });
  if (dpi !== 300) {
    outW = Math.round((width * dpi) / 300);
    outH = Math.round((height * dpi) / 300);
    pipeline = pipeline.resize(outW, outH, { fit: 'fill' });
  }
  pipeline = pipeline.withMetadata({ density: dpi });
  const bytes = options.jpegQuality
    ? await pipeline.jpeg({ quality: options.jpegQuality }).toBuffer()
    : await pipeline.png({ compressionLevel: 1 }).toBuffer();
  const decoded = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { image: { page: 1, gray: decoded.data, width: decoded.info.width, height: decoded.info.height, dpi }, bytes };
}
