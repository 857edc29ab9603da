/** Issue 4 end to end: addresses as clerks wrote them, coded before and after the 2025 reorganisation. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = (...args: string[]) => promisify(execFile)(process.execPath, [join(ROOT, 'bin/hokhau.js'), ...args], { cwd: ROOT });

const FREE_TEXT = [
  'Họ và tên,Năm sinh,Giới tính,Số sổ HK,Quan hệ với chủ hộ,Địa chỉ thường trú',
  'Lò Văn Pánh,1968,Nam,111,Chủ hộ,"Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên"',
  'Lò Thị Ưng,1970,Nữ,111,Vợ,"Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên"',
  'Quàng Văn Ơn,1980,Nam,222,Chủ hộ,"TỔ 5, PHƯỜNG HIM LAM"',
  'Cầm Thị Ánh,1985,Nữ,333,Chủ hộ,"Bản Xyz Abc, xã Không Có Thật"',
].join('\n');

const SPLIT_COLUMNS = [
  'STT,Họ và tên,Năm sinh,Số sổ HK,QH với chủ hộ,Địa chỉ thường trú,,,',
  ',,,,,Thôn/bản,Xã,Huyện,Tỉnh',
  '1,Giàng A Páo,1975,444,Chủ hộ,Thôn 3,Thanh Xương,Điện Biên,Điện Biên',
].join('\n');

describe('address coding through hokhau import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-addr-'));
  const db = join(dir, 'r.sqlite');
  let persons: Record<string, any>;
  let households: any[];

  beforeAll(async () => {
    mkdirSync(join(dir, 'inbox'));
    writeFileSync(join(dir, 'inbox/free-text.csv'), FREE_TEXT);
    writeFileSync(join(dir, 'inbox/split-columns.csv'), SPLIT_COLUMNS);
    await run('import', join(dir, 'inbox'), '--db', db, '--out', join(dir, 'out'));
    const exported = (await run('export', 'persons', '--db', db)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    persons = Object.fromEntries(exported.map((p) => [p.full_name, p]));
    households = (await run('export', 'households', '--db', db)).stdout.trim().split('\n').map((l) => JSON.parse(l));
  }, 60_000);

  it('codes a free-text address in both lists, keeping the hamlet as written', () => {
    expect(persons['Lò Văn Pánh']).toMatchObject({
      status: 'active', hamlet: 'Bản Noong Bua', legacy_province_code: '11', legacy_district_code: '094',
      legacy_commune_code: '03124', province_code: '11', commune_code: '03334', address_status: 'coded',
    });
    expect(persons['Quàng Văn Ơn']).toMatchObject({ hamlet: 'Tổ 5', legacy_commune_code: '03127', commune_code: '03127' });
  });

  it('codes columns split into thôn, xã, huyện, tỉnh with the same matcher (old 03334 is not new 03334)', () => {
    expect(persons['Giàng A Páo']).toMatchObject({ hamlet: 'Thôn 3', legacy_district_code: '100', legacy_commune_code: '03334', commune_code: '03334' });
    expect(households.find((h) => h.book_no === '444')).toMatchObject({ legacy_commune_code: '03334', commune_code: '03334' });
  });

  it('sends an address it cannot place to review instead of guessing, and says which gazetteer coded the run', () => {
    expect(persons['Cầm Thị Ánh']).toMatchObject({ status: 'pending_review', commune_code: null, legacy_commune_code: null });
    const review = readFileSync(join(dir, 'out/review-fields.csv'), 'utf8');
    expect(review).toMatch(/^\d+,free-text\.csv,,5,,address,"Bản Xyz Abc, xã Không Có Thật",,,,address_/m);
    const report = JSON.parse(readFileSync(join(dir, 'out/reconciliation.json'), 'utf8'));
    expect(report.gazetteer_version).toMatch(/\S/);
    expect(persons['Lò Văn Pánh'].gazetteer_version).toBe(report.gazetteer_version);
  });
});
