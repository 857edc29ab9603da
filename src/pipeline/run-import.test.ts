import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHouseholds, exportPersons } from '../db/export-rows.js';
import { openRegistry } from '../db/open-registry.js';
import { RunFailedError, UsageError } from '../errors.js';
import { listRuns } from '../db/run-ledger.js';
import { acquireRunLock } from './run-lock.js';
import { runImport } from './run-import.js';

const TODAY = new Date('2026-11-27T00:00:00Z');

const CSV = [
  'DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ',
  'STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh,Số sổ HK,Quan hệ với chủ hộ',
  '1,LÒ VĂN PÁNH,12/03/1968,Nam,Thái,011068001234,123456,Chủ hộ',
  '2,Quàng Thị Ưng,1972,Nữ,Thái,011172004321,123456,Vợ',
  '3,,1990,Nam,Thái,,123456,Con',
  '4,Lò Văn Hùng,05/06/1995,Nam,Thái,011195000777,123456,Con',
  '5,Giàng A Páo,31/02/1980,Nam,Mèo,,223344,Chủ hộ',
].join('\n');

/** The same people seen again in another office's file: Pánh again (same ID) with a full birth date. */
const CSV_AGAIN = [
  'Họ tên;Năm sinh;Nam/Nữ;Dân tộc;CCCD;Sổ HK số;QH với CH',
  'Lò Văn Pánh;1968;Nam;Thái;011 068 001 234;123456;Chủ hộ',
  'Lò Thị Mai;2001;Nữ;Thái;;123456;Con',
].join('\n');

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-run-'));
  const inbox = join(dir, 'inbox');
  return { dir, inbox, db: join(dir, 'registry.sqlite') };
}

async function persons(db: string) {
  const registry = await openRegistry(db);
  try {
    const all = [];
    for await (const p of exportPersons(registry.db)) all.push(p);
    const households = [];
    for await (const h of exportHouseholds(registry.db)) households.push(h);
    return { persons: all, households };
  } finally {
    await registry.close();
  }
}

describe('runImport', () => {
  it('loads, rejects with reasons, flags ID mismatches, and reconciles', async () => {
    const ws = workspace();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(ws.inbox);
    writeFileSync(join(ws.inbox, 'ban-na-ngam.csv'), '\uFEFF' + CSV);
    writeFileSync(join(ws.inbox, 'notes.docx'), 'not a spreadsheet');

    const { report, outDir } = await runImport({ paths: [ws.inbox], dbUrl: ws.db, outDir: join(ws.dir, 'out'), pipeline: 'nightly', dryRun: false, today: TODAY });

    expect(report.status).toBe('succeeded');
    expect(report.records_in).toBe(5);
    expect(report.records_in).toBe(report.new + report.merged + report.flagged + report.rejected);
    expect(report.rejected).toBe(1); // no name
    expect(report.flagged).toBe(2); // Hùng's ID says female; Páo's 31/02: both loaded pending review
    const csv = report.files.find((f) => f.name === 'ban-na-ngam.csv')!;
    expect(csv).toMatchObject({ status: 'loaded', kind: 'csv', records_in: 5 });
    const docx = report.files.find((f) => f.name === 'notes.docx')!;
    expect(docx.status).toBe('failed');
    expect(docx.error).toMatch(/không được hỗ trợ/);

    const rejects = readFileSync(join(outDir, 'rejects.csv'), 'utf8');
    expect(rejects.startsWith('\uFEFF')).toBe(true);
    expect(rejects.split('\r\n').filter(Boolean)).toHaveLength(2);
    const review = readFileSync(join(outDir, 'review-fields.csv'), 'utf8');
    expect(review).toContain('birth_date,31/02/1980,,,,date_impossible');
    expect(review).toContain('personal_id,011195000777,,,,personal_id_sex_mismatch');
    expect(JSON.parse(readFileSync(join(outDir, 'reconciliation.json'), 'utf8')).run_id).toBe(report.run_id);
    expect(readFileSync(join(outDir, 'reconciliation.html'), 'utf8')).toContain('Báo cáo đối soát');

    const { persons: people, households } = await persons(ws.db);
    expect(people.map((p) => [p.full_name, p.status])).toEqual([
      ['Lò Văn Pánh', 'active'], ['Quàng Thị Ưng', 'active'], ['Lò Văn Hùng', 'pending_review'], ['Giàng A Páo', 'pending_review'],
    ]);
    const panh = people[0];
    expect(panh).toMatchObject({ birth_date: '1968-03-12', sex: 'M', ethnicity: 'Thái', personal_id: '011068001234',
      household_book_no: '123456', relation_to_head: 'Chủ hộ', status: 'active' });
    expect(panh.sources).toEqual([{ file: 'ban-na-ngam.csv', sheet: null, row: 3, page: null }]);
    expect(households).toHaveLength(2);
    expect(households[0]).toMatchObject({ book_no: '123456', head_person_id: panh.id, member_ids: people.slice(0, 3).map((p) => p.id) });
  });

  it('merges the same personal ID from a later file and skips files it already loaded', async () => {
    const ws = workspace();
    const first = join(ws.dir, 'a.csv');
    const second = join(ws.dir, 'b.csv');
    writeFileSync(first, CSV);
    writeFileSync(second, CSV_AGAIN);
    await runImport({ paths: [first], dbUrl: ws.db, outDir: join(ws.dir, 'o1'), pipeline: 'nightly', dryRun: false, today: TODAY });
    const { report } = await runImport({ paths: [first, second], dbUrl: ws.db, outDir: join(ws.dir, 'o2'), pipeline: 'nightly', dryRun: false, today: TODAY });

    expect(report.files.map((f) => [f.name, f.status])).toEqual([['a.csv', 'skipped_unchanged'], ['b.csv', 'loaded']]);
    expect(report).toMatchObject({ records_in: 2, merged: 1, new: 1 });
    const { persons: people, households } = await persons(ws.db);
    const panh = people.filter((p) => p.personal_id === '011068001234');
    expect(panh).toHaveLength(1);
    expect(panh[0].birth_date).toBe('1968-03-12');
    expect(panh[0].sources.map((s) => [s.file, s.row])).toEqual([['a.csv', 3], ['b.csv', 2]]);
    expect(households.map((h) => [h.book_no, h.member_ids.length])).toEqual([['123456', 4], ['223344', 1]]);
  });

  it('writes nothing to the registry on a dry run', async () => {
    const ws = workspace();
    const file = join(ws.dir, 'a.csv');
    writeFileSync(file, CSV);
    const { report } = await runImport({ paths: [file], dbUrl: ws.db, outDir: join(ws.dir, 'o'), pipeline: 'nightly', dryRun: true, today: TODAY });
    expect(report).toMatchObject({ dry_run: true, records_in: 5, rejected: 1, flagged: 2 });
    expect((await persons(ws.db)).persons).toHaveLength(0);
  });

  it('refuses an unknown path or pipeline as a usage error', async () => {
    const ws = workspace();
    await expect(runImport({ paths: [join(ws.dir, 'missing')], dbUrl: ws.db, pipeline: 'nightly', dryRun: false })).rejects.toThrow(UsageError);
    await expect(runImport({ paths: [ws.dir], dbUrl: ws.db, pipeline: 'weekly', dryRun: false })).rejects.toThrow(UsageError);
  });

  it('counts a cross-file merge the same way on a dry run as on a real run', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'a.csv'), CSV);
    writeFileSync(join(ws.dir, 'b.csv'), CSV_AGAIN);
    const paths = [join(ws.dir, 'a.csv'), join(ws.dir, 'b.csv')];
    const dry = await runImport({ paths, dbUrl: ws.db, outDir: join(ws.dir, 'o1'), pipeline: 'nightly', dryRun: true, today: TODAY });
    const real = await runImport({ paths, dbUrl: ws.db, outDir: join(ws.dir, 'o2'), pipeline: 'nightly', dryRun: false, today: TODAY });
    const counts = (r: typeof dry.report) => [r.records_in, r.new, r.merged, r.flagged, r.rejected];
    expect(counts(dry.report)).toEqual(counts(real.report));
    expect(dry.report.merged).toBe(1);
  });

  it('refuses to run beside another import, and closes runs that were interrupted', async () => {
    const ws = workspace();
    const file = join(ws.dir, 'a.csv');
    writeFileSync(file, CSV);
    const release = acquireRunLock(ws.db);
    await expect(runImport({ paths: [file], dbUrl: ws.db, outDir: join(ws.dir, 'o1'), pipeline: 'nightly', dryRun: false })).rejects.toThrow(RunFailedError);
    release();

    const registry = await openRegistry(ws.db);
    await registry.db.insertInto('import_runs').values({ id: '20260101-000000-dead', started_at: '2026-01-01T00:00:00Z', finished_at: null,
      status: 'running', pipeline: 'nightly', records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0,
      files_count: 0, out_dir: '', error: null, gazetteer_version: null, match_model_json: null }).execute();
    await registry.close();
    await runImport({ paths: [file], dbUrl: ws.db, outDir: join(ws.dir, 'o2'), pipeline: 'nightly', dryRun: false, today: TODAY });
    const again = await openRegistry(ws.db);
    const runs = await listRuns(again.db, 10);
    await again.close();
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed']);
    expect(runs[1].error).toMatch(/gián đoạn/);
  });
});

describe('runImport with the probabilistic matcher (pipeline nightly-probabilistic)', () => {
  it('merges a repeat without an ID by name, date and book, and sends a same-name pair with another date to review', async () => {
    const ws = workspace();
    const first = join(ws.dir, 'a.csv');
    const second = join(ws.dir, 'b.csv');
    writeFileSync(first, ['Họ và tên,Ngày sinh,Giới tính,Số sổ HK,Quan hệ với chủ hộ', 'Lò Văn Pánh,12/03/1968,Nam,123456,Chủ hộ', 'Quàng Thị Ưng,1972,Nữ,123456,Vợ'].join('\n'));
    writeFileSync(second, ['Họ và tên,Ngày sinh,Giới tính,Số sổ HK,Quan hệ với chủ hộ', 'LO VAN PANH,12/03/1968,Nam,123456,Chủ hộ', 'Quàng Thị Ưng,05/09/1972,Nữ,123456,Vợ'].join('\n'));
    const options = { dbUrl: ws.db, pipeline: 'nightly-probabilistic', dryRun: false, today: TODAY };
    await runImport({ ...options, paths: [first], outDir: join(ws.dir, 'o1') });
    const { report, outDir } = await runImport({ ...options, paths: [second], outDir: join(ws.dir, 'o2') });
    expect(report).toMatchObject({ records_in: 2, merged: 1, flagged: 1 });
    const { persons: people } = await persons(ws.db);
    expect(people.map((p) => [p.full_name, p.status, p.sources.length])).toEqual([
      ['Lò Văn Pánh', 'active', 2], ['Quàng Thị Ưng', 'active', 1], ['Quàng Thị Ưng', 'pending_review', 1],
    ]);
    const review = readFileSync(join(outDir, 'review-duplicates.csv'), 'utf8').split('\r\n');
    expect(review).toHaveLength(3); // header, one pair, trailing newline
    expect(review[1]).toContain('họ tên giống hệt +10.6');
    expect(JSON.parse(readFileSync(join(outDir, 'match-model.json'), 'utf8')).name).toBe('hokhau');
  });
});
