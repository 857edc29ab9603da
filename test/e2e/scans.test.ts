// Scanned household books through `hokhau import`, OCR'd for real: a clean multi-page TIFF, a moderately damaged
// image-only PDF, a poorly scanned book one JPEG per page, a notes page and a truncated JPEG (fixtures/scans,
// made by scripts/generate-scan-fixtures.ts). The contract: every field in the registry is either what the page
// says or sent to a reviewer; broken pages are reported and the rest of the run goes on.
import { execFile } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reconciliation } from '../../src/report/reconciliation.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin/hokhau.js');
const INBOX = join(process.cwd(), 'fixtures/scans/inbox');

interface TruthPage {
  page: number;
  kind: 'household' | 'member';
  book_no: string;
  fields: Record<string, string>;
  expected: Record<string, string>;
}
interface TruthFile {
  file: string;
  pages: TruthPage[];
}
const truth = JSON.parse(readFileSync(join(process.cwd(), 'fixtures/scans/truth.json'), 'utf8')) as { files: TruthFile[] };

type Person = Record<string, unknown> & { status: string; sources: { file: string; page: number | null }[] };

/** Raw fields a person's value can be reviewed under. */
const REVIEWED_AS: Record<string, string[]> = {
  full_name: ['full_name'],
  birth_date: ['birth_date'],
  sex: ['sex'],
  ethnicity: ['ethnicity'],
  relation_to_head: ['relation_to_head'],
  personal_id: ['personal_id', 'id_any'],
  old_id: ['old_id', 'id_any'],
  religion: ['religion'],
  commune_code: ['address', 'hamlet', 'commune', 'district', 'province'],
};

describe('hokhau import of scanned household books', () => {
  let dir: string;
  let report: Reconciliation;
  let persons: Person[];
  let households: Record<string, unknown>[];
  let reviewRows: Record<string, string>[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hokhau-scans-'));
    await run(process.execPath, [CLI, 'import', INBOX, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out')], { timeout: 300_000 });
    report = JSON.parse(readFileSync(join(dir, 'out/reconciliation.json'), 'utf8'));
    const exported = (what: string) =>
      run(process.execPath, [CLI, 'export', what, '--db', join(dir, 'r.sqlite')]).then(({ stdout }) =>
        stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)),
      );
    persons = await exported('persons');
    households = await exported('households');
    const csv = readFileSync(join(dir, 'out/review-fields.csv'), 'utf8').replace(/^\uFEFF/, '');
    reviewRows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  }, 320_000);

  it('accounts for every member page, and reports the broken file and the page it does not recognise', () => {
    const memberPages = truth.files.flatMap((f) => f.pages.filter((p) => p.kind === 'member'));
    expect(report.records_in).toBe(memberPages.length);
    expect(report.new + report.merged + report.flagged + report.rejected).toBe(report.records_in);
    const byName = Object.fromEntries(report.files.map((f) => [f.name, f]));
    expect(byName['trang-bi-cat.jpg']).toMatchObject({ status: 'failed', records_in: 0 });
    expect(byName['trang-bi-cat.jpg'].error).toMatch(/hỏng hoặc bị cắt cụt/);
    expect(byName['trang-ghi-chu.png'].error).toMatch(/không nhận ra/);
    expect(byName['so-187486.tiff']).toMatchObject({ status: 'loaded', records_in: 2, kind: 'image' });
    expect(byName['so-657125933.pdf']).toMatchObject({ status: 'loaded', records_in: 2, kind: 'pdf' });
    expect(byName['trang-01.jpg']).toMatchObject({ status: 'loaded', records_in: 0, error: null });
  });

  it('puts each book into one household: its book number, or its members wait for a reviewer to read it', () => {
    for (const file of truth.files) {
      const book = file.pages[0].book_no;
      const members = truth.files.filter((f) => f.pages[0].book_no === book).flatMap((f) => f.pages.filter((p) => p.kind === 'member'));
      const household = households.find((h) => h.book_no === book);
      if (household) {
        expect((household.member_ids as number[]).length).toBe(members.length);
        continue;
      }
      const name = basename(file.file);
      const flagged = reviewRows.filter((r) => r['tệp (file)'] === name && r['trường (field)'] === 'household_book_no');
      expect(flagged.length, `book ${book}: no household and no review row`).toBe(file.pages.filter((p) => p.kind === 'member').length);
    }
  });

  it('never lets a wrong reading into the registry unflagged: each value is the page\'s, or the person waits for review', () => {
    let checked = 0;
    for (const file of truth.files) {
      for (const page of file.pages.filter((p) => p.kind === 'member')) {
        const name = basename(file.file);
        const pageNo = file.pages.length > 1 ? page.page : 1;
        const person = persons.find((p) => p.sources.some((s) => s.file === name && s.page === pageNo));
        expect(person, `${name} page ${pageNo}`).toBeDefined();
        const household = households.find((h) => (h.member_ids as number[]).includes(person!.id as number));
        const expected: Record<string, string> = { ...page.expected, full_name: page.fields.full_name };
        const commune = truth.files.find((f) => f.pages.some((p) => p.kind === 'household' && p.book_no === page.book_no))?.pages[0].expected.commune_code;
        if (commune) expected.commune_code = commune;
        for (const [field, value] of Object.entries(expected)) {
          const actual = field === 'commune_code' ? household?.commune_code ?? person!.commune_code : person![field];
          if (actual === value) continue;
          const flagged = reviewRows.some(
            (r) => r['tệp (file)'] === name && Number(r['trang (page)']) === pageNo && REVIEWED_AS[field]?.includes(r['trường (field)']),
          );
          expect(person!.status, `${name} p${pageNo} ${field}: ${String(actual)} ≠ ${value}`).toBe('pending_review');
          expect(flagged, `${name} p${pageNo} ${field} not in review-fields.csv`).toBe(true);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(6);
  });

  it('reads most of the clean book right (a regression guard; bench:ocr measures accuracy)', () => {
    const clean = truth.files.find((f) => f.file.endsWith('.tiff'))!;
    let right = 0;
    let total = 0;
    for (const page of clean.pages.filter((p) => p.kind === 'member')) {
      const person = persons.find((p) => p.sources.some((s) => s.file === 'so-187486.tiff' && s.page === page.page))!;
      const expected = { full_name: page.fields.full_name, sex: page.expected.sex, relation_to_head: page.expected.relation_to_head, ethnicity: page.expected.ethnicity };
      for (const [field, value] of Object.entries(expected)) {
        total += 1;
        if (person[field] === value) right += 1;
      }
    }
    expect(right / total).toBeGreaterThanOrEqual(0.85); // reads 8 of 8 today
  });

  it('saves a crop of every doubtful field it could locate, beside the review list', async () => {
    const crops = reviewRows.map((r) => r['ảnh cắt (crop)']).filter(Boolean);
    expect(crops.length).toBeGreaterThan(0);
    for (const crop of crops) {
      expect(existsSync(join(dir, 'out', crop)), crop).toBe(true);
      const meta = await sharp(join(dir, 'out', crop)).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThan(20);
    }
    for (const row of reviewRows.filter((r) => r['tệp (file)'] !== '')) {
      expect(Number(row['mã bản ghi (record_id)'])).toBeGreaterThan(0);
      expect(row['corrected_value']).toBe('');
    }
  });

  it('never OCRs the same page twice: a rerun skips the files, and a re-saved book is read from the cache', async () => {
    const cacheDir = join(dir, 'ocr-cache');
    const cached = () => readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
    const before = cached();
    expect(before).toBeGreaterThanOrEqual(9);

    const again = await run(process.execPath, [CLI, 'import', INBOX, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out2')]);
    expect(again.stdout).toMatch(/0 bản ghi/);

    // The same pages in a file with other bytes (a scanner re-saving a TIFF appends nothing we read).
    mkdirSync(join(dir, 'resaved'));
    copyFileSync(join(INBOX, 'clean/so-187486.tiff'), join(dir, 'resaved/so-187486-ban-sao.tiff'));
    appendFileSync(join(dir, 'resaved/so-187486-ban-sao.tiff'), Buffer.from('trailing bytes'));
    await run(process.execPath, [CLI, 'import', join(dir, 'resaved'), '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out3')]);
    const third = JSON.parse(readFileSync(join(dir, 'out3/reconciliation.json'), 'utf8')) as Reconciliation;
    expect(third.files[0]).toMatchObject({ status: 'loaded', records_in: 2 });
    expect(cached()).toBe(before);
  }, 120_000);
});
