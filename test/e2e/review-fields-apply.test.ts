/**
 * End to end: `hokhau import` writes review-fields.csv for a record with a doubtful field, a reviewer fills in
 * corrected_value, and `hokhau review apply` (a child process each time) applies it once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../src/db/open-registry.js';
import { hokhau } from '../support/hokhau-cli.js';


/** Writes a value in the empty corrected_value column of the rows for `field`. */
function fill(csv: string, field: string, value: string): string {
  return csv.split('\r\n').map((line) => (line.split(',')[5] === field ? line + value : line)).join('\r\n');
}

async function registryState(db: string) {
  const registry = await openRegistry(db);
  try {
    return {
      persons: await registry.db.selectFrom('persons').select(['full_name', 'status', 'birth_date', 'birth_year']).orderBy('id').execute(),
      corrections: await registry.db.selectFrom('field_corrections').select(['source_record_id', 'field', 'value_before', 'value_after', 'reviewer']).execute(),
      audit: await registry.db.selectFrom('review_audit').select(['kind', 'reviewer', 'rows_applied', 'rows_invalid']).orderBy('id').execute(),
    };
  } finally {
    await registry.close();
  }
}

describe('hokhau review apply review-fields.csv', () => {
  let dir = '';
  let db = '';
  let csv = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hokhau-review-fields-'));
    db = join(dir, 'registry.sqlite');
    writeFileSync(join(dir, 'ban-na-ngam.csv'), '\uFEFFHọ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh\r\n' +
      'Lò Văn Pánh,12/03/1968,Nam,Thái,011068001234\r\nQuàng Thị Ưng,31/02/1980,Nữ,Thái,\r\nLò Thị Hoa,1990,Nữ,Thaí Lan,\r\n');
    const imported = await hokhau('import', join(dir, 'ban-na-ngam.csv'), '--db', db, '--out', join(dir, 'out'));
    expect(imported.code).toBe(0);
    csv = readFileSync(join(dir, 'out', 'review-fields.csv'), 'utf8');
  });

  it('imports the impossible birth date as a field for review, with its record id', () => {
    expect(csv.split('\r\n')[1]).toMatch(/^2,ban-na-ngam\.csv,,3,,birth_date,31\/02\/1980,/);
  });

  it('refuses a correction that is still impossible: exit 2, its line listed, nothing applied', async () => {
    const file = join(dir, 'review-sai.csv');
    writeFileSync(file, fill(csv, 'birth_date', '30/02/1980'));
    const before = await registryState(db);
    const result = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('1 dòng không hợp lệ, chưa áp dụng dòng nào');
    expect(result.stderr).toContain('Dòng 2: giá trị "30/02/1980" của trường birth_date (bản ghi số 2) vẫn chưa đúng');
    const after = await registryState(db);
    expect(after.persons).toEqual(before.persons);
    expect(after.corrections).toEqual([]);
  });

  it('applies the correction, activates the person, records who and when; the second time nothing changes', async () => {
    const file = join(dir, 'review-fields.csv');
    writeFileSync(file, fill(csv, 'birth_date', '28/02/1980'));
    const first = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('đã áp dụng: 1 giá trị sửa');
    expect(first.stdout).toContain('chưa sửa (corrected_value để trống): 1');
    expect(first.stdout).toContain('1 người chờ duyệt đã thành chính thức.');
    expect(first.stdout).toContain('người số 3 (Lò Thị Hoa): còn trường cần duyệt: ethnicity');
    const state = await registryState(db);
    expect(state.persons).toEqual([
      { full_name: 'Lò Văn Pánh', status: 'active', birth_date: '1968-03-12', birth_year: '1968' },
      { full_name: 'Quàng Thị Ưng', status: 'active', birth_date: '1980-02-28', birth_year: '1980' },
      { full_name: 'Lò Thị Hoa', status: 'pending_review', birth_date: '1990', birth_year: '1990' },
    ]);
    expect(state.corrections).toEqual([{ source_record_id: 2, field: 'birth_date', value_before: '31/02/1980', value_after: '28/02/1980', reviewer: 'Lò Thị Mai' }]);
    expect(state.audit.at(-1)).toEqual({ kind: 'fields', reviewer: 'Lò Thị Mai', rows_applied: 1, rows_invalid: 0 });

    const again = await hokhau('review', 'apply', file, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('đã áp dụng: 0 giá trị sửa');
    expect(again.stdout).toContain('không thay đổi (đã áp dụng trước đó): 1');
    expect(again.stdout).toMatch(/Không có thay đổi nào: tệp này đã được áp dụng lúc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    const unchanged = await registryState(db);
    expect(unchanged.persons).toEqual(state.persons);
    expect(unchanged.corrections).toEqual(state.corrections);
  });

  it('names both kinds of review file when given neither', async () => {
    const other = join(dir, 'nhan-khau.csv');
    writeFileSync(other, '\uFEFFHọ và tên,Năm sinh\r\nLò Văn Pánh,1968\r\n');
    const result = await hokhau('review', 'apply', other, '--reviewer', 'Lò Thị Mai', '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không phải tệp review-duplicates.csv');
    expect(result.stderr).toContain('review-fields.csv');
  });
});
