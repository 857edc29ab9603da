/**
 * End to end: the real CLI as a child process, on the committed fixtures, against a temporary SQLite file.
 * The oracle is the generator's truth.json, not the pipeline's own output.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const INBOX = join(ROOT, 'fixtures/spreadsheets/inbox');
const truth = JSON.parse(readFileSync(join(ROOT, 'fixtures/spreadsheets/truth.json'), 'utf8')) as {
  records: {
    locator: { file: string; sheet: string | null; row: number };
    expected: Record<string, string | null>;
    outcome: 'new' | 'merged' | 'flagged' | 'rejected';
    reasons: string[];
  }[];
};

interface Cli { code: number; stdout: string; stderr: string }

async function hokhau(...args: string[]): Promise<Cli> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/hokhau.js'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hokhau import on the committed fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-e2e-'));
  const db = join(dir, 'registry.sqlite');
  let first: Cli;
  let report: any;
  let persons: any[];

  beforeAll(async () => {
    first = await hokhau('import', INBOX, '--db', db, '--out', join(dir, 'run1'));
    report = JSON.parse(readFileSync(join(dir, 'run1/reconciliation.json'), 'utf8'));
    const exported = await hokhau('export', 'persons', '--db', db);
    persons = exported.stdout.trim().split('\n').map((line) => JSON.parse(line));
  }, 120_000);

  it('finishes, reconciles and says where the reports are', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Hoàn thành .*Báo cáo: .*reconciliation\.html/);
    expect(report.status).toBe('succeeded');
    expect(report.records_in).toBe(report.new + report.merged + report.flagged + report.rejected);
  });

  it('gives every truth record its expected outcome', () => {
    const loadable = truth.records.filter((r) => !r.reasons.includes('sheet_without_name_column'));
    const count = (outcome: string) => loadable.filter((r) => r.outcome === outcome).length;
    expect(report).toMatchObject({ records_in: loadable.length, new: count('new'), merged: count('merged'), flagged: count('flagged'), rejected: count('rejected') });
  });

  it('rejects a sheet without a name column, naming the file and the sheet', () => {
    const file = report.files.find((f: any) => f.name === '07-ban-na-pen-no-name-sheet.xlsx');
    expect(file.error).toContain('Thống kê');
    expect(file.error).toMatch(/Họ và tên/);
  });

  it('exports each loaded record with its truth values and its source', () => {
    const bySource = new Map<string, any>();
    for (const p of persons) for (const s of p.sources) bySource.set(`${s.file}|${s.sheet}|${s.row}`, p);
    const mismatches: string[] = [];
    for (const record of truth.records.filter((r) => r.outcome !== 'rejected')) {
      const key = `${record.locator.file}|${record.locator.sheet}|${record.locator.row}`;
      const person = bySource.get(key);
      if (!person) {
        mismatches.push(`${key}: not exported`);
        continue;
      }
      // A person merged from several sources keeps the first source's values (filling gaps from the others, and a
      // more precise date of the same year); each source keeps its own values in the registry's provenance.
      const merged = person.sources.length > 1;
      for (const [field, value] of Object.entries(record.expected)) {
        if (value === null || (merged && !['personal_id', 'sex', 'birth_date'].includes(field))) continue;
        const got = person[field];
        const ok = field === 'birth_date' && merged ? String(got).startsWith(value) : got === value;
        if (!ok) mismatches.push(`${key} ${field}: expected ${value}, got ${got}`);
      }
      expect(person.status).toBe(record.outcome === 'flagged' ? 'pending_review' : 'active');
    }
    expect(mismatches).toEqual([]);
  });

  it('lists rejected rows in rejects.csv with their reasons', () => {
    const rejects = readFileSync(join(dir, 'run1/rejects.csv'), 'utf8');
    expect(rejects.charCodeAt(0)).toBe(0xfeff);
    const rows = rejects.trim().split('\r\n').slice(1);
    const rejected = truth.records.filter((r) => r.outcome === 'rejected' && !r.reasons.includes('sheet_without_name_column'));
    expect(rows).toHaveLength(rejected.length);
    for (const r of rejected) expect(rows.some((row) => row.startsWith(`${r.locator.file},${r.locator.sheet ?? ''},${r.locator.row},`))).toBe(true);
  });

  it('exports households with their members and CSV with a BOM', async () => {
    const households = (await hokhau('export', 'households', '--db', db)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const books = new Set(truth.records.filter((r) => r.outcome !== 'rejected').map((r) => r.expected.household_book_no).filter(Boolean));
    expect(new Set(households.map((h) => h.book_no).filter(Boolean))).toEqual(books);
    const memberCount = households.reduce((n, h) => n + h.member_ids.length, 0);
    expect(memberCount).toBe(persons.filter((p) => p.household_id !== null).length);
    const csv = await hokhau('export', 'persons', '--db', db, '--format', 'csv');
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout.split('\r\n')[0]).toContain('full_name,family_name,middle_name,given_name');
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(persons.length + 1);
  });

  it('skips every file on a second run and shows both runs', async () => {
    const again = await hokhau('import', INBOX, '--db', db, '--out', join(dir, 'run2'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/8 tệp \(8 bỏ qua vì đã nạp\), 0 bản ghi/);
    const second = JSON.parse(readFileSync(join(dir, 'run2/reconciliation.json'), 'utf8'));
    expect(second.records_in).toBe(0);
    expect(second.files.every((f: any) => f.status === 'skipped_unchanged')).toBe(true);
    const runs = await hokhau('runs', '--db', db, '--json');
    expect(runs.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([second.run_id, report.run_id]);
  });
});

describe('hokhau on bad input and bad usage', () => {
  it('reports a broken or legacy spreadsheet and loads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-e2e-bad-'));
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(join(INBOX, '08-bo-sung-utf8.csv'), join(inbox, 'ok.csv'));
    writeFileSync(join(inbox, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 truncated'));
    writeFileSync(join(inbox, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = await hokhau('import', inbox, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'));
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out/reconciliation.json'), 'utf8'));
    const status = Object.fromEntries(report.files.map((f: any) => [f.name, f.status]));
    expect(status).toEqual({ 'broken.xlsx': 'failed', 'ok.csv': 'loaded', 'old.xls': 'failed' });
    expect(report.files.find((f: any) => f.name === 'old.xls').error).toMatch(/\.xlsx/);
    expect(report.records_in).toBe(6);
  });

  it.each([
    [['import', '/no/such/folder'], 2],
    [['import', '--no-such-flag', 'x'], 2],
    [['import', INBOX, '--pipeline', 'weekly'], 2],
    [['export', 'persons', '--format', 'xml'], 2],
    [['import', '--help'], 0],
  ])('hokhau %j exits %i', async (args, code) => {
    const run = await hokhau(...args);
    expect(run.code).toBe(code);
    if (code === 0) expect(run.stdout).toContain('Ví dụ');
  });
});
