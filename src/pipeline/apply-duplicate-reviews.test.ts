import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { listRunReviews, type ReviewState } from '../db/match-reviews.js';
import { fillDecisions, REVIEW_RUN, registrySnapshot, seedReviewRegistry } from '../db/match-reviews.test-helper.js';
import { openRegistry, type Registry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import { readCsvGrid } from '../ingest/csv-reader.js';
import { reviewDuplicatesCsv } from '../report/review-duplicates-csv.js';
import { applyDuplicateReviews, checkReviewRows, readReviewRows, type ReviewFileRow } from './apply-duplicate-reviews.js';

const open = (id: number, extra: Partial<ReviewState> = {}): [number, ReviewState] => [id, {
  id, status: 'open', decided_by: null, decided_at: null, person_id: id * 10, candidate_person_id: id * 10 + 1,
  person_status: 'pending_review', person_now: id * 10, candidate_now: id * 10 + 1, remembered: null, ...extra,
}];

const STATES = new Map<number, ReviewState>([
  open(1), open(2), open(3),
  open(4, { status: 'same', decided_by: 'Cầm Thị Xuân', decided_at: '2025-05-20T03:00:00Z', person_status: 'merged', person_now: 41 }),
  open(5, { status: 'different', decided_by: 'Cầm Thị Xuân', decided_at: '2025-05-20T03:00:00Z', person_status: 'active' }),
  open(6, { remembered: 'different' }),
  // 7 and 8 ask about the same pending person (70) with two candidates.
  open(7, { person_id: 70, person_now: 70, candidate_person_id: 71, candidate_now: 71 }),
  open(8, { person_id: 70, person_now: 70, candidate_person_id: 72, candidate_now: 72 }),
  // 9: its pending person was merged into 99 by an earlier file.
  open(9, { person_status: 'merged', person_now: 99 }),
]);

describe('checkReviewRows', () => {
  const row = (line: number, pairId: string, decision: string): ReviewFileRow => ({ line, pairId, decision });
  it.each([
    [[row(2, '1', 'Trùng')], [{ kind: 'apply', reviewId: 1, decision: 'same' }]],
    [[row(2, '1', 'khac'), row(3, '2', 'bỏ qua'), row(4, '3', '')], [{ kind: 'apply', decision: 'different' }, { kind: 'skip' }, { kind: 'undecided' }]],
    [[row(2, '1.0', 'same')], [{ kind: 'apply', reviewId: 1 }]],
    [[row(2, '4', 'trùng'), row(3, '5', 'khác')], [{ kind: 'unchanged' }, { kind: 'unchanged' }]],
    [[row(2, '4', 'bỏ qua')], [{ kind: 'unchanged' }]],
    [[row(2, '1', 'trùng'), row(3, '1', 'Trùng')], [{ kind: 'apply' }, { kind: 'apply' }]],
    [[row(2, '6', 'khác')], [{ kind: 'apply', decision: 'different' }]],
  ])('accepts %j', (rows, expected) => {
    expect(checkReviewRows(rows, STATES)).toMatchObject(expected);
  });

  it.each([
    [row(7, '', 'trùng'), 'Dòng 7: thiếu mã cặp.'],
    [row(7, 'abc', 'trùng'), 'Dòng 7: mã cặp "abc" không phải là số.'],
    [row(7, '404', 'trùng'), 'Dòng 7: không có cặp số 404 trong sổ đăng ký.'],
    [row(7, '1', 'có lẽ'), 'Dòng 7: quyết định "có lẽ" không hợp lệ'],
    [row(7, '4', 'khác'), 'Dòng 7: cặp số 4 đã được quyết định là "trùng" (Cầm Thị Xuân, 2025-05-20); không đổi thành "khác" được.'],
    [row(7, '5', 'same'), 'đã được quyết định là "khác"'],
    [row(7, '6', 'trùng'), 'Dòng 7: hai người của cặp số 6 đã được quyết định là "khác" ở một lần duyệt trước.'],
    [row(7, '9', 'trùng'), 'Dòng 7: người số 90 đã được gộp vào người số 99, không gộp thêm vào người số 91 được.'],
  ])('rejects %j', (bad, message) => {
    const [checked] = checkReviewRows([bad], STATES);
    expect(checked.kind).toBe('invalid');
    expect(checked.kind === 'invalid' && checked.message).toContain(message);
  });

  it('rejects a pair decided two ways, and one person merged into two', () => {
    const checked = checkReviewRows([row(2, '1', 'trùng'), row(3, '1', 'khác'), row(4, '7', 'trùng'), row(5, '8', 'trùng'), row(6, '9', 'khác')], STATES);
    expect(checked.map((c) => c.kind)).toEqual(['apply', 'invalid', 'apply', 'invalid', 'apply']);
    expect(checked[1]).toMatchObject({ message: 'Dòng 3: cặp số 1 đã có ở dòng 2 với quyết định khác.' });
    expect(checked[3]).toMatchObject({ message: expect.stringContaining('người số 70 đã được ghi trùng với người khác ở dòng 4') });
  });
});

describe('readReviewRows', () => {
  // As Excel saves it again: ';' where the decimal mark is a comma, or "Unicode text" (UTF-16 with tabs).
  it.each([
    ['utf-8 ;', Buffer.from('Danh sách cặp nghi trùng;;;\r\nSTT;Mã cặp;Họ tên A;Quyết định\r\n1;101;Lò Văn Pánh;Trùng\r\n2;102;"Quàng\nThị Ưng";\r\n;;;\r\n3;103;Giàng A Pao;bỏ qua\r\n')],
    ['utf-16 tab', iconv.encode('\uFEFFDanh sách cặp nghi trùng\t\t\t\r\nSTT\tMã cặp\tHọ tên A\tQuyết định\r\n1\t101\tLò Văn Pánh\tTrùng\r\n2\t102\t"Quàng\nThị Ưng"\t\r\n\t\t\t\r\n3\t103\tGiàng A Pao\tbỏ qua\r\n', 'utf-16le')],
  ])('finds the header under a title line and reads pair ids and decisions with their lines (%s)', (_label, bytes) => {
    expect(readReviewRows([readCsvGrid(bytes).grid])).toEqual([
      { line: 3, pairId: '101', decision: 'Trùng' },
      { line: 4, pairId: '102', decision: '' },
      { line: 7, pairId: '103', decision: 'bỏ qua' },
    ]);
  });

  it('is null for a file that is not a review file', () => {
    expect(readReviewRows([readCsvGrid(Buffer.from('Họ và tên,Năm sinh\nLò Văn Pánh,1968\n')).grid])).toBeNull();
  });
});

describe('applyDuplicateReviews', () => {
  let registry: Registry | null = null;
  afterEach(async () => {
    await registry?.close();
    registry = null;
  });

  async function reviewFile(decisions: Record<number, string>) {
    const seed = await seedReviewRegistry();
    const csv = reviewDuplicatesCsv(await listRunReviews(seed.registry.db, REVIEW_RUN));
    await seed.registry.close();
    const file = join(seed.dir, 'review-duplicates.csv');
    writeFileSync(file, fillDecisions(csv, decisions));
    return { file, dbUrl: seed.dbFile, dir: seed.dir };
  }
  const now = () => new Date('2025-06-02T08:30:00Z');

  it('applies a reviewed file, then changes nothing when it is applied again', async () => {
    const { file, dbUrl } = await reviewFile({ 101: 'Trùng', 102: 'khác', 103: 'Bỏ qua', 104: 'different' });
    const first = await applyDuplicateReviews({ dbUrl, file, reviewer: ' Lò Thị Mai ', now });
    expect(first).toMatchObject({ applied: { same: 1, different: 2 }, unchanged: 0, skipped: 1, undecided: 1, invalid: [], merged: 1,
      activated: 1, previouslyAppliedAt: null, fileName: 'review-duplicates.csv' });

    registry = await openRegistry(dbUrl);
    const db = registry.db;
    const persons = await db.selectFrom('persons').select(['id', 'status', 'merged_into_id', 'old_id']).orderBy('id').execute();
    expect(persons.filter((p) => p.id <= 7)).toEqual([
      { id: 1, status: 'active', merged_into_id: null, old_id: '040123456' },
      { id: 2, status: 'active', merged_into_id: null, old_id: null },
      { id: 3, status: 'active', merged_into_id: null, old_id: null },
      { id: 4, status: 'merged', merged_into_id: 1, old_id: '040123456' },
      { id: 5, status: 'active', merged_into_id: null, old_id: null },
      { id: 6, status: 'pending_review', merged_into_id: null, old_id: null },
      { id: 7, status: 'pending_review', merged_into_id: null, old_id: null },
    ]);
    const reviews = await db.selectFrom('match_reviews').select(['id', 'status', 'decided_by']).orderBy('id').execute();
    expect(reviews).toEqual([
      { id: 101, status: 'same', decided_by: 'Lò Thị Mai' }, { id: 102, status: 'different', decided_by: 'Lò Thị Mai' },
      { id: 103, status: 'open', decided_by: null }, { id: 104, status: 'different', decided_by: 'Lò Thị Mai' }, { id: 105, status: 'open', decided_by: null },
    ]);
    const before = await registrySnapshot(db);
    await registry.close();
    registry = null;

    const second = await applyDuplicateReviews({ dbUrl, file, reviewer: 'Lò Thị Mai', now });
    expect(second).toMatchObject({ applied: { same: 0, different: 0 }, unchanged: 3, skipped: 1, undecided: 1, invalid: [], merged: 0,
      previouslyAppliedAt: '2025-06-02T08:30:00.000Z' });
    registry = await openRegistry(dbUrl);
    expect(await registrySnapshot(registry.db)).toEqual(before);
    const audit = await registry.db.selectFrom('review_audit').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.kind, a.file_name, a.reviewer, a.rows_applied, a.rows_unchanged, a.rows_invalid])).toEqual([
      ['duplicates', 'review-duplicates.csv', 'Lò Thị Mai', 3, 2, 0],
      ['duplicates', 'review-duplicates.csv', 'Lò Thị Mai', 0, 5, 0],
    ]);
    expect(audit[0].file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the file saved back as .xlsx by Excel (numbers for pair ids)', async () => {
    const { dir, dbUrl } = await reviewFile({});
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('review-duplicates');
    sheet.addRow(['mã cặp (pair id)', 'xác suất trùng (match probability)', 'họ tên A (name A)', 'quyết định: trùng / khác / bỏ qua (decision: same / different / skip)']);
    sheet.addRow([101, '93,1%', 'Lò Văn Pánh', 'TRÙNG']);
    sheet.addRow([102, '71,0%', 'Quàng Thị Ưng', 'Khác']);
    const file = join(dir, 'review-duplicates.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await applyDuplicateReviews({ dbUrl, file, reviewer: 'Lò Thị Mai', now });
    expect(result).toMatchObject({ applied: { same: 1, different: 1 }, invalid: [], merged: 1, activated: 1 });
  });

  it('applies nothing when any row is bad, and says which lines', async () => {
    const { file, dbUrl } = await reviewFile({ 101: 'trùng', 102: 'chắc là khác', 104: 'khác' });
    registry = await openRegistry(dbUrl);
    const before = await registrySnapshot(registry.db);
    await registry.close();
    registry = null;
    const result = await applyDuplicateReviews({ dbUrl, file, reviewer: 'Lò Thị Mai', now });
    expect(result.invalid).toEqual([expect.stringMatching(/^Dòng 3: quyết định "chắc là khác" không hợp lệ/)]);
    expect(result.merged).toBe(0);
    registry = await openRegistry(dbUrl);
    expect(await registrySnapshot(registry.db)).toEqual(before);
    expect(await registry.db.selectFrom('review_audit').select(['rows_applied', 'rows_invalid']).execute()).toEqual([{ rows_applied: 0, rows_invalid: 1 }]);
  });

  it('refuses a file that is not a review-duplicates file, a missing file and an empty reviewer', async () => {
    const { dir, dbUrl } = await reviewFile({});
    const people = join(dir, 'nhan-khau.csv');
    writeFileSync(people, '\uFEFFHọ và tên,Năm sinh,Quyết định\r\nLò Văn Pánh,1968,trùng\r\n');
    await expect(applyDuplicateReviews({ dbUrl, file: people, reviewer: 'Lò Thị Mai' })).rejects.toThrow(/không phải tệp review-duplicates/);
    await expect(applyDuplicateReviews({ dbUrl, file: join(dir, 'khong-co.csv'), reviewer: 'Lò Thị Mai' })).rejects.toThrow(UsageError);
    await expect(applyDuplicateReviews({ dbUrl, file: people, reviewer: '  ' })).rejects.toThrow(/người duyệt/);
    registry = await openRegistry(dbUrl);
    expect(await registry.db.selectFrom('review_audit').select('id').execute()).toEqual([]);
  });
});
