/**
 * End to end: `hokhau review apply` as a child process on a registry with pairs waiting for review, the file being
 * the review-duplicates.csv the report writes, filled in as a reviewer would.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRunReviews } from '../../src/db/match-reviews.js';
import { fillDecisions, REVIEW_RUN, seedReviewRegistry } from '../../src/db/match-reviews.test-helper.js';
import { openRegistry } from '../../src/db/open-registry.js';
import { hokhau } from '../support/hokhau-cli.js';
import { reviewDuplicatesCsv } from '../../src/report/review-duplicates-csv.js';


describe('hokhau review apply', () => {
  let dir = '';
  let db = '';
  let csv = '';

  beforeAll(async () => {
    const seed = await seedReviewRegistry();
    csv = reviewDuplicatesCsv(await listRunReviews(seed.registry.db, REVIEW_RUN));
    await seed.registry.close();
    dir = seed.dir;
    db = seed.dbFile;
  });

  it('refuses bad rows with their lines and exit code 2, applying nothing', async () => {
    const file = join(dir, 'review-sai.csv');
    writeFileSync(file, fillDecisions(csv, { 101: 'trùng', 102: 'khác?', 105: 'khác' }).replace('\r\n103,', '\r\n1O3,'));
    const result = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Dòng 3: quyết định "khác?" không hợp lệ');
    expect(result.stderr).toContain('Dòng 4: mã cặp "1O3" không phải là số.');
    expect(result.stderr).toMatch(/2 dòng không hợp lệ, chưa áp dụng dòng nào/);
    const registry = await openRegistry(db);
    const statuses = await registry.db.selectFrom('match_reviews').select('status').execute();
    await registry.close();
    expect(statuses.every((s) => s.status === 'open')).toBe(true);
  });

  it('applies a reviewed file (exit 0) and says so in Vietnamese; the second time nothing changes', async () => {
    const file = join(dir, 'review-duplicates.csv');
    writeFileSync(file, fillDecisions(csv, { 101: 'Trùng', 102: 'Khác', 103: 'bỏ qua', 104: 'khác', 105: 'khác' }));
    const first = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('đã áp dụng: 4 (trùng: 1, khác: 3)');
    expect(first.stdout).toContain('bỏ qua: 1; chưa quyết định: 0');
    expect(first.stdout).toContain('1 người đã được gộp; 2 người chờ duyệt đã thành chính thức.');

    const again = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('đã áp dụng: 0');
    expect(again.stdout).toContain('không thay đổi (đã quyết định trước đó): 4');
    expect(again.stdout).toMatch(/Không có thay đổi nào: tệp này đã được áp dụng lúc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);

    const exported = await hokhau('export', 'persons', '--db', db);
    const persons = exported.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(persons.map((p: { id: number }) => p.id)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    expect(persons[0].sources.map((s: { file: string }) => s.file)).toEqual(['ban-na-ngam-2019.csv', 'xa-muong-phang.xlsx']);
  });

  it('exits 2 on a file that is not a review file and without --reviewer', async () => {
    const other = join(dir, 'nhan-khau.csv');
    writeFileSync(other, '\uFEFFHọ và tên,Năm sinh\r\nLò Văn Pánh,1968\r\n');
    const notReview = await hokhau('review', 'apply', other, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(notReview.code).toBe(2);
    expect(notReview.stderr).toContain('không phải tệp review-duplicates.csv');
    const noReviewer = await hokhau('review', 'apply', join(dir, 'review-duplicates.csv'), '--db', db);
    expect(noReviewer.code).toBe(2);
    expect(noReviewer.stderr).toMatch(/--reviewer/);
  });
});
