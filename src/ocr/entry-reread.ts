import sharp from 'sharp';
import type { RawField } from '../ingest/source-record.js';
import { LOW_CONFIDENCE } from '../normalize/normalize-record.js';
import { isOpenVocabulary } from './field-vocabularies.js';
import type { EntryReread, FieldReading, OcrBox, OcrPage } from './ocr-types.js';
import { readPage } from './page-layout.js';
import { readSize } from './preprocess-page.js';
import { NAME_FIELDS } from './reading-agreement.js';
import { isPlausibleEntry } from './scan-field-checks.js';
import type { LineReading } from './tesseract-pool.js';
import { isListedValue } from './vocabulary-snap.js';

/**
 * Entries made of digits, and names, read a second time on their own. On a page, tesseract reads a label and its entry as
 * one line: the printed label (another font, upright, with stacked Vietnamese marks) sets the line's height and
 * style, and the entry's digits are read in that context. An italic serif "1" with its flag then comes back as
 * "7" (11.04.2021 → 77.04.2027, ID 011… → 071…), a "9" as "3". Cut out and read alone, the same pixels are read
 * right far more often (bench:ocr seed 7 clean: 65 of 80 digit entries against 52 on the page; the whole line,
 * label included, read alone: 55). The crop is cut from the gray page, not the binary one: Otsu's threshold
 * thins a typewriter's or a pen's thin strokes (a 2-pixel stroke is mostly anti-aliased gray) and breaks the
 * loop of a 9 or the side of a 0; a threshold near the paper keeps them whole (71 of 80 clean, 73 of 80
 * moderate, against 65 and 71 from the binary page). No check can tell a misread digit in an ID's random part
 * or a misread mark in a given name (Mẩy/Mấy): two readings that disagree can. Names cost one more line read a
 * member page (≈ 15 ms of a worker) and were right more often read alone (seed 11 clean: 37 of 42 against 33).
 */
export const REREAD_FIELDS: ReadonlySet<RawField> = new Set([
  'birth_date', 'birth_year', 'personal_id', 'old_id', 'id_any', 'household_book_no', 'full_name', 'other_name', 'household_head',
  // The household page's address parts: one page a book, and the label-context misreads are theirs too ("Tổ 13"
  // read "7ổ73", house number 104 read 704, "Mường Lay" read "À7/ường Lay").
  'address', 'hamlet', 'commune', 'district', 'province',
]);

/**
 * Word entries read again only when the page's reading fails its field's check or holds a digit OCR dropped or
 * kept: "Chủ hộ" read "hộ", "Tự do" read "7 do", "Nam" read "XMam" are the label's context again, and the entry
 * read alone is mostly right. A plausible reading is not read again, however unsure: two plausible readings
 * cannot tell which is right, and an unsure one goes to review anyway (bench:ocr seed 7: rereading every unsure
 * one cost ≈ 12% of pages/minute). Except an unsure occupation that is none of the usual ones: a usual one read
 * alone is taken over it ("Học sinh xi" → Học sinh, "Mới rợ" → Nội trợ on seed 11).
 */
export const REREAD_WHEN_DOUBTFUL: ReadonlySet<RawField> = new Set([
  'sex', 'ethnicity', 'religion', 'nationality', 'relation_to_head', 'occupation', 'birthplace', 'native_place',
]);
/** An entry taller than this many lines is a wrapped address: read as one line it cannot come out right. */
const MAX_LINES = 1.6;

/**
 * The entries of a page worth a second reading: digits, names and address parts always, other word entries when
 * the page's reading of them fails its check; never an entry over more than one line.
 *
 * @example
 * entriesToReread(pageFromLines(['Họ và tên: Lò Văn Ơn', 'Dân tộc: Thái', 'Quan hệ với chủ hộ: hộ'])).map((f) => f.field);
 * // ['full_name', 'relation_to_head']
 */
export function entriesToReread(page: OcrPage): FieldReading[] {
  const lineHeight = medianLineHeight(page);
  return readPage(page).fields.filter((f) => wantsReread(f, lineHeight));
}

/** An occupation read unsure and none of the usual ones: read alone it may turn out one ("Mới rợ" → Nội trợ). */
function isUnusual(field: FieldReading): boolean {
  return isOpenVocabulary(field.field) && !isListedValue(field.field, field.text);
}

/** Whether the page's reading of an entry is worth a second reading. */
function wantsReread(field: FieldReading, lineHeight: number): boolean {
  if (field.bbox === null || field.bbox.y1 - field.bbox.y0 > MAX_LINES * lineHeight) return false;
  if (REREAD_FIELDS.has(field.field)) return true;
  return REREAD_WHEN_DOUBTFUL.has(field.field)
    && (!isPlausibleEntry(field.field, field.text) || /\p{N}/u.test(field.ocrText) || (field.confidence < LOW_CONFIDENCE && isUnusual(field)));
}

/** The page's usual line height: the median of its lines'. */
function medianLineHeight(page: OcrPage): number {
  const heights = page.lines.map((l) => l.bbox.y1 - l.bbox.y0).sort((a, b) => a - b);
  return heights.length === 0 ? Infinity : heights[heights.length >> 1]!;
}

/** Paper kept around the entry's box, as a share of its height: enough for strokes the box cut, not the label. */
const MARGIN = 0.4;
/**
 * Stroke pixels the binary page lost, put back: gray pixels darker than this next to its ink. The gray page is
 * flat-fielded (paper ≈ 255 whatever the scan's light), so a level three quarters of the way to the paper takes
 * in anti-aliased stroke edges and leaves paper noise (σ ≤ 17 on the poorest scans) out.
 */
const FAINT_INK = 190;
/** How far (pixels) strokes may grow into faint ink: a stroke's lost edge, not a removed leader or ruling. */
const GROWTH = 2;

/**
 * A name's crop is read at the page's full resolution with its stroke edges softened (Gaussian σ, pixels), not
 * shrunk like the page: the marks over and under a given name's letters (Dở/Đở, Pấng/Pẩng, Ỏn/Ôn) keep more
 * pixels. Name crops read right alone, bench:ocr seeds 7 and 11 clean and moderate: 216 of 222 this way, 208
 * shrunk with the page, 199 on the page itself. Digits read as well either way and stay shrunk (faster).
 */
const NAME_BLUR = 1.2;

/** What reads one line image (the tesseract pool in the product). */
export interface LineReader {
  recognizeLine(png: Buffer): Promise<LineReading>;
}

/**
 * The page with its digit entries read again, each from its own crop of the binary page tesseract read, its
 * strokes grown back into the faint ink of the gray page. Found by the same label reading as the page's
 * fields, so the rereads line up with them by field.
 *
 * @example
 * const page = await rereadEntries(pageInPagePixels, pre, pool); // as readScanPage does
 * page.rereads; // [{ field: 'birth_date', text: '11.04.2021', confidence: 81 }, …]
 */
export async function rereadEntries(
  page: OcrPage,
  image: { binary: Uint8Array; view: Uint8Array; width: number; height: number; dpi: number; readScale: number },
  reader: LineReader,
): Promise<OcrPage> {
  const entries = entriesToReread(page);
  if (entries.length === 0) return { ...page, rereads: [] };
  const rereads: EntryReread[] = await Promise.all(entries.map(async (entry) => {
    // A doubtful word entry is cut with the specks left out of its text: they may be its misread first letter.
    const box = REREAD_FIELDS.has(entry.field) ? entry.bbox! : (entry.spanBox ?? entry.bbox!);
    const png = await cropLine(image, wholeWords(page, box), NAME_FIELDS.has(entry.field));
    const { text, confidence } = await reader.recognizeLine(png);
    return { field: entry.field, text, confidence };
  }));
  return { ...page, rereads };
}

/**
 * The entry's box grown to the OCR words it cuts through. An entry's box is its pieces' share of their words,
 * split in proportion to characters: a word read as "Ø09//976..‹" gives its digits a box that ends before the
 * last digit does. The whole word may bring a few leader dots along; the date and number corrections drop them.
 */
function wholeWords(page: OcrPage, box: OcrBox): OcrBox {
  const out = { ...box };
  const middle = (box.y0 + box.y1) / 2;
  for (const line of page.lines) {
    if (line.bbox.y0 > middle || line.bbox.y1 < middle) continue;
    for (const { bbox: w } of line.words) {
      if (w.x1 <= box.x0 || w.x0 >= box.x1 || w.y0 > middle || w.y1 < middle) continue;
      out.x0 = Math.min(out.x0, w.x0);
      out.x1 = Math.max(out.x1, w.x1);
    }
  }
  return out;
}

/**
 * The box (with a margin) cut out of the binary page, each stroke grown by up to GROWTH pixels into gray
 * pixels darker than FAINT_INK: Otsu's threshold thins a typewriter's or a pen's thin strokes (a 2-pixel stroke
 * is mostly anti-aliased gray) and breaks the loop of a 9 or the side of a 0. Growing only from the binary
 * page's ink keeps what preprocessing removed (leaders, rulings, specks) removed. Shrunk like the page tesseract
 * read (see preprocess-read-scale.ts), except a name's (see NAME_BLUR).
 */
function cropLine(
  { binary: ink, view: gray, width, height, dpi, readScale }: { binary: Uint8Array; view: Uint8Array; width: number; height: number; dpi: number; readScale: number },
  box: OcrBox,
  name: boolean,
): Promise<Buffer> {
  const margin = Math.round(MARGIN * (box.y1 - box.y0));
  const left = Math.max(0, Math.floor(box.x0 - margin));
  const top = Math.max(0, Math.floor(box.y0 - margin));
  const w = Math.max(1, Math.min(width, Math.ceil(box.x1 + margin)) - left);
  const h = Math.max(1, Math.min(height, Math.ceil(box.y1 + margin)) - top);
  let out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = ink[(top + y) * width + left + x]!;
  for (let step = 0; step < GROWTH; step++) {
    const grown = out.slice();
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (out[i] === 0 || gray[(top + y) * width + left + x]! >= FAINT_INK) continue;
        if ((x > 0 && out[i - 1] === 0) || (x < w - 1 && out[i + 1] === 0) || (y > 0 && out[i - w] === 0) || (y < h - 1 && out[i + w] === 0)) grown[i] = 0;
      }
    }
    out = grown;
  }
  const crop = sharp(out, { raw: { width: w, height: h, channels: 1 } });
  if (name) return crop.blur(NAME_BLUR).withDensity(dpi).png({ compressionLevel: 1 }).toBuffer();
  if (readScale < 1) crop.resize(readSize(w, readScale), readSize(h, readScale), { fit: 'fill', kernel: 'lanczos3' });
  return crop.withDensity(Math.max(1, Math.round(dpi * readScale))).png({ compressionLevel: 1 }).toBuffer();
}
