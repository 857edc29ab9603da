import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import PQueue from 'p-queue';
import sharp from 'sharp';
import type { DiscoveredFile } from '../ingest/discover-files.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import type { RawField, SourceRecord } from '../ingest/source-record.js';
import { blockingKeys } from '../match/blocking-keys.js';
import type { Issue } from '../normalize/issue.js';
import { LOW_CONFIDENCE, normalizeRecord, outcomeOf } from '../normalize/normalize-record.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';
import { buildGazetteerIndex } from '../normalize/address/gazetteer-index.js';
import { OCR_CACHE_VERSION, OcrCache } from '../ocr/ocr-cache.js';
import type { OcrBox } from '../ocr/ocr-types.js';
import { readPage } from '../ocr/page-layout.js';
import { PageImageError, readPageImages, type PageImage } from '../ocr/page-images.js';
import { guessIssue, guessMisreads } from '../ocr/misread-guesses.js';
import { placeNameIssue } from '../ocr/place-name-check.js';
import { gazetteerUnits, placeNameIndex, type PlaceNameIndex } from '../ocr/place-snap.js';
import { pagesToRecords, type HouseholdContext, type ReadPage, type ScanRecord } from '../ocr/pages-to-records.js';
import { preprocessPage } from '../ocr/preprocess-page.js';
import { applyRereads } from '../ocr/reading-agreement.js';
import { readScanPage } from '../ocr/read-scan-page.js';
import { scanFieldIssues } from '../ocr/scan-field-checks.js';
import { TesseractPool } from '../ocr/tesseract-pool.js';
import { codeRecordAddress, type RunGazetteer } from './code-record-address.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import type { PreparedFile, PreparedRecord } from './prepare-file.js';

export interface ScanTools {
  pool: TesseractPool;
  /** Pages between decoding and OCR, across the run's files: bounds the memory decoded pages take. */
  pages: PQueue;
  /** Every gazetteer unit name, before and after 2025: what a birthplace, native place or address on a page may say. */
  places: PlaceNameIndex;
  /** The name of the run's province (where most books' addresses are): place parts are looked for there first. */
  homeProvince: string | null;
  cache: OcrCache;
  gazetteer: RunGazetteer;
  /** Where reviewers' crops of doubtful fields go (`--out/crops`); their paths in the CSV are relative to `--out`. */
  cropsDir: string;
}

/**
 * The OCR worker pool (one worker per core), the page cache and the gazetteer index a run's scans share.
 *
 * @example
 * const tools = createScanTools(gazetteer, '11', { ocrCacheDir: 'data/ocr-cache', cropsDir: 'data/runs/x/crops' });
 */
export function createScanTools(gazetteer: GazetteerData, defaultProvinceCode: string, dirs: { ocrCacheDir: string | null; cropsDir: string }): ScanTools {
  const pool = new TesseractPool();
  return {
    pool,
    pages: new PQueue({ concurrency: pool.size * 2 }),
    places: placeNameIndex(gazetteerUnits(gazetteer)),
    homeProvince: [...gazetteer.current.provinces, ...gazetteer.legacy.provinces].find((p) => p.code === defaultProvinceCode)?.name ?? null,
    cache: new OcrCache(dirs.ocrCacheDir, OCR_CACHE_VERSION),
    gazetteer: { index: buildGazetteerIndex(gazetteer), version: gazetteer.version, defaultProvinceCode },
    cropsDir: dirs.cropsDir,
  };
}

/** A page made ready: what tesseract read and the page the reviewer's crops are cut from. */
interface PageDone {
  page: number;
  read: ReadPage | null;
  view: Buffer | null;
  error: string | null;
}

/**
 * Scanned book pages → prepared records: every page is decoded, preprocessed, read by tesseract (or found in the
 * OCR cache by the page image's sha256), its fields found by their printed labels, and each member page becomes
 * a record normalized like a spreadsheet row. A field that is doubtful (low confidence or failing a field check)
 * sends the record to review with a crop of the field saved for the reviewer. A page that cannot be decoded or
 * recognised is reported in the file's error; the other pages still load. Throws UnreadableFileError when no
 * page at all can be read.
 *
 * @example
 * const prepared = await prepareScanFile(file, bytes, pipeline, new Date(), tools);
 */
export async function prepareScanFile(
  file: Pick<DiscoveredFile, 'name' | 'path'>,
  bytes: Buffer,
  pipeline: PipelineDefinition,
  today: Date,
  tools: ScanTools,
  book: BookSlot = { before: Promise.resolve(null), settle: () => undefined },
): Promise<PreparedFile> {
  let lastHousehold: HouseholdContext | null = null;
  try {
    const kind = isPdf(bytes) ? 'pdf' : 'image';
    const pages = await readAllPages(bytes, kind, today, tools);
    lastHousehold = await book.before;
    if (pages.length > 0 && pages.every((p) => p.error !== null)) {
      throw new UnreadableFileError(pages.map((p) => p.error).join('; '));
    }
    const read = pages.flatMap((p) => (p.read ? [p.read] : []));
    const result = pagesToRecords(read, file.name, basename(dirname(file.path)), lastHousehold);
    lastHousehold = result.lastHousehold;
    return await prepareRecords(file, pages, result, pipeline, today, tools);
  } finally {
    book.settle(lastHousehold);
  }
}

/** This file's place in its book: the household the previous file of the folder ended with, and where to hand on its own. */
export interface BookSlot {
  before: Promise<HouseholdContext | null>;
  settle: (context: HouseholdContext | null) => void;
}

async function prepareRecords(
  file: Pick<DiscoveredFile, 'name' | 'path'>,
  pages: readonly PageDone[],
  { records, otherPages, householdsWithoutMembers }: ReturnType<typeof pagesToRecords>,
  pipeline: PipelineDefinition,
  today: Date,
  tools: ScanTools,
): Promise<PreparedFile> {
  const pageErrors = pages.flatMap((p) => (p.error ? [p.error] : []));
  for (const page of otherPages) {
    pageErrors.push(`Trang ${page}: không nhận ra là trang hộ hay trang nhân khẩu, hãy kiểm tra bản quét (page not recognised)`);
  }
  for (const page of householdsWithoutMembers) {
    pageErrors.push(`Trang ${page}: trang hộ không có trang nhân khẩu nào theo sau (household page without member pages)`);
  }
  if (records.length === 0 && pageErrors.length === 0 && !pages.some((p) => p.read?.reading.kind === 'household')) {
    pageErrors.push('Không tìm thấy trang nhân khẩu nào trong tệp quét (no member page found)');
  }

  const views = new Map(pages.map((p) => [p.page, p.view]));
  const options = { today, defaultNationality: pipeline.defaultNationality };
  const prepared: PreparedRecord[] = [];
  for (const record of records) {
    // What the page most likely says where OCR read something impossible; every guess goes to review.
    const { raw, guesses } = guessMisreads(record.source.raw, {
      today, places: tools.places, bookInName: record.bookInName,
      provinceCode: tools.gazetteer.defaultProvinceCode, provinceName: tools.homeProvince,
      bookFamilyNames: record.household?.familyNames, confidence: record.source.confidence,
    });
    record.source.raw = raw;
    const normalized = normalizeRecord(record.source, options);
    if (normalized.values) {
      normalized.issues.push(...guesses.map(guessIssue));
      normalized.issues.push(...scanFieldIssues(record.source.raw, normalized), ...pageShapeIssues(record));
      normalized.issues.push(...placeIssues(record.source.raw, normalized.issues, tools.places.names));
      normalized.outcome = outcomeOf(normalized.issues);
    }
    // A name read surely and passing the name checks tells the book's later pages their family name.
    const nameDoubtful = normalized.issues.some((i) => i.field === 'full_name' && i.severity !== 'warning');
    if (!nameDoubtful && (record.source.confidence.full_name ?? 0) >= LOW_CONFIDENCE) record.household?.familyNames.add(raw.full_name);
    const address = codeRecordAddress(record.source, normalized, tools.gazetteer);
    await attachScanFields(record, normalized.issues.filter((i) => i.severity === 'review').map((i) => i.field), views, file, tools.cropsDir);
    prepared.push({ source: record.source, normalized, address, keys: normalized.values ? blockingKeys(normalized.values) : null });
  }
  return { records: prepared, sheetErrors: pageErrors };
}

/** Every page through preprocessing and OCR; the pool bounds how many are read at once. */
async function readAllPages(bytes: Buffer, kind: 'image' | 'pdf', today: Date, tools: ScanTools): Promise<PageDone[]> {
  const work: Promise<PageDone>[] = [];
  try {
    for await (const image of readPageImages(bytes, kind)) {
      if (image instanceof PageImageError) {
        work.push(Promise.resolve({ page: image.page ?? work.length + 1, read: null, view: null, error: image.message }));
        continue;
      }
      // Decoded pages are large (4 MB for an A5 page at 300 dpi): only a few wait for a worker at any time,
      // across all the files being read, so a 300-page book does not hold 300 pages in memory.
      await tools.pages.onSizeLessThan(tools.pool.size);
      work.push(tools.pages.add(() => readOnePage(image, today, tools)) as Promise<PageDone>);
    }
  } catch (err) {
    if (work.length === 0) {
      throw new UnreadableFileError(err instanceof PageImageError ? err.message : `Không mở được tệp ảnh quét: ${(err as Error).message} (cannot open the scan)`);
    }
    work.push(Promise.resolve({ page: work.length + 1, read: null, view: null, error: (err as Error).message }));
  }
  return Promise.all(work);
}

/**
 * Birthplace, native place and the address checked name by name against the gazetteer (unless already doubtful):
 * the address coder forgives a wrong mark or a misread unit word ("tính Điện Biên"), the stored text would not.
 */
function placeIssues(raw: SourceRecord['raw'], issues: readonly Issue[], known: PlaceNameIndex['names']): Issue[] {
  return (['birthplace', 'native_place', 'address'] as const).flatMap((field) => {
    const text = raw[field];
    if (!text || issues.some((i) => i.field === field && i.severity !== 'warning')) return [];
    const issue = placeNameIssue(field, text, known);
    return issue ? [issue] : [];
  });
}

const FIELD_VI: Partial<Record<RawField, string>> = {
  full_name: 'Họ và tên', birth_date: 'Ngày, tháng, năm sinh', sex: 'Giới tính', relation_to_head: 'Quan hệ với chủ hộ', ethnicity: 'Dân tộc',
  other_name: 'Họ và tên gọi khác', birthplace: 'Nơi sinh', native_place: 'Nguyên quán', religion: 'Tôn giáo', nationality: 'Quốc tịch', personal_id: 'Số định danh / CMND',
  household_book_no: 'Số sổ hộ khẩu (trang hộ)', address: 'Địa chỉ (trang hộ)', hamlet: 'Thôn/bản/tổ (trang hộ)',
  commune: 'Xã/phường/thị trấn (trang hộ)', district: 'Huyện/quận/thị xã (trang hộ)', province: 'Tỉnh/thành phố (trang hộ)',
};

/**
 * A field every member page has, not read on this one: the reviewer reads it off the page (a crop of the page).
 * And a book number that disagrees with the one in the file or folder name: one of them is misread or misfiled.
 */
function pageShapeIssues(record: ScanRecord): Issue[] {
  const conflict: Issue[] = record.bookInName === null ? [] : [{
    field: 'household_book_no',
    code: 'ocr_book_no_differs_from_name',
    severity: 'review',
    message: `Số sổ đọc trên trang (${record.source.raw.household_book_no}) khác số sổ trong tên tệp/thư mục (${record.bookInName})`,
  }];
  return conflict.concat(record.missing
    .filter(({ field }) => field !== 'full_name') // no name: normalizeRecord already rejects the record
    .map(({ field, lost }) => ({
      field,
      code: lost === 'label' ? 'ocr_label_not_found' : 'ocr_entry_empty',
      severity: 'review',
      message:
        lost === 'label'
          ? `Không tìm thấy mục "${FIELD_VI[field]}" trên trang quét; hãy đọc trên ảnh và ghi giá trị`
          : `Mục "${FIELD_VI[field]}" trên trang quét không có chữ nào đọc được; hãy đọc trên ảnh và ghi giá trị`,
    })));
}

/**
 * One page through preprocessing and OCR (or the cache), its digit entries read a second time on their own; the
 * page reviewers see is kept as a small JPEG.
 */
async function readOnePage(image: PageImage, today: Date, tools: ScanTools): Promise<PageDone> {
  try {
    const key = tools.cache.key(image.gray);
    const pre = await preprocessPage(image);
    const ocr = (await tools.cache.get(key))
      ?? (await tools.cache.put(key, await readScanPage(pre, tools.pool)));
    const view = await sharp(pre.view, { raw: { width: pre.width, height: pre.height, channels: 1 } }).jpeg({ quality: 85, optimiseCoding: false }).toBuffer();
    return { page: image.page, read: { page: image.page, reading: applyRereads(readPage(ocr), ocr.rereads, today) }, view, error: null };
  } catch (err) {
    return { page: image.page, read: null, view: null, error: `Trang ${image.page}: không đọc được ảnh (${(err as Error).message})` };
  }
}

/**
 * Keeps, on the record, what the reviewer needs for each field read from a page: the OCR text and, for the
 * doubtful fields, a PNG crop of the field's region (with a margin) under `cropsDir`.
 */
async function attachScanFields(
  record: ScanRecord,
  doubtful: readonly string[],
  views: ReadonlyMap<number, Buffer | null>,
  file: Pick<DiscoveredFile, 'name' | 'path'>,
  cropsDir: string,
): Promise<void> {
  // Two books can both be called trang-1.png in different folders: the path's hash keeps their crops apart.
  const stem = `${safeStem(file.name)}-${createHash('sha256').update(file.path).digest('hex').slice(0, 6)}`;
  const scan: NonNullable<SourceRecord['scan']> = {};
  const save = async (name: string, png: Promise<Buffer>): Promise<string> => {
    await mkdir(cropsDir, { recursive: true });
    await writeFile(join(cropsDir, name), await png);
    return `crops/${name}`;
  };
  for (const [field, region] of Object.entries(record.regions) as [RawField, NonNullable<ScanRecord['regions'][RawField]>][]) {
    const view = region.page === null ? null : views.get(region.page);
    const crop = doubtful.includes(field) && region.bbox && view
      ? await save(`${stem}-p${region.page}-${field}.png`, cropRegion(view, region.bbox))
      : null;
    scan[field] = { ocrText: region.ocrText, crop };
  }
  // A field with nothing read has no region: the reviewer gets the whole page, small enough to open quickly.
  const page = record.source.locator.page;
  const view = page === null ? null : views.get(page);
  for (const { field } of record.missing) {
    if (!doubtful.includes(field) || !view) continue;
    scan[field] = { ocrText: '', crop: await save(`${stem}-p${page}-${field}.png`, sharp(view).resize({ width: 1000, withoutEnlargement: true }).png().toBuffer()) };
  }
  record.source.scan = scan;
}

/** The field's box with a margin (so the label and neighbouring strokes show), clamped to the page. */
async function cropRegion(view: Buffer, box: OcrBox): Promise<Buffer> {
  const image = sharp(view);
  const { width = 0, height = 0 } = await image.metadata();
  const margin = 24;
  const left = Math.max(0, Math.floor(box.x0 - margin * 4));
  const top = Math.max(0, Math.floor(box.y0 - margin));
  const right = Math.min(width, Math.ceil(box.x1 + margin));
  const bottom = Math.min(height, Math.ceil(box.y1 + margin));
  return image
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .png()
    .toBuffer();
}

function safeStem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
}

function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes('%PDF-');
}
