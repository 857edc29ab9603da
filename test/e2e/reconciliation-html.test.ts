/** The reconciliation page as IT staff and managers see it: rendered in a real browser. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/pipeline/run-import.js';
import { launchChromium } from '../support/chromium.js';

const CSV = [
  'Họ và tên,Năm sinh,Giới tính,Số định danh',
  'Lò Văn Pánh,1968,Nam,011068001234',
  'Quàng Thị Ưng,1972,Nam,011172004321',
  ',1990,Nam,',
].join('\n');

describe('reconciliation.html in Chromium', () => {
  it('shows the totals, the balance, every file and the issues in Vietnamese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hokhau-html-'));
    mkdirSync(join(dir, 'inbox'));
    writeFileSync(join(dir, 'inbox/ban-na-ngam.csv'), CSV);
    writeFileSync(join(dir, 'inbox/ghi-chu.docx'), 'not a spreadsheet');
    const { outDir } = await runImport({ paths: [join(dir, 'inbox')], dbUrl: join(dir, 'r.sqlite'), outDir: join(dir, 'out'), pipeline: 'nightly', dryRun: false });

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(outDir, 'reconciliation.html')).href);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect(await page.locator('h1').innerText()).toBe('Báo cáo đối soát lần nhập dữ liệu');
      const totals = await page.locator('#totals td').allInnerTexts();
      expect(totals).toEqual(['3', '1', '0', '1', '1']);
      await expect(page.getByText('Khớp: 3 = 1 + 0 + 1 + 1').isVisible()).resolves.toBe(true);
      const files = await page.locator('#files tr').allInnerTexts();
      expect(files).toHaveLength(3);
      expect(files.find((row) => row.startsWith('ghi-chu.docx'))).toMatch(/Lỗi.*không được hỗ trợ/s);
      const issues = await page.locator('#issues').innerText();
      expect(issues).toContain('Số định danh không khớp giới tính');
      expect(issues).toContain('Thiếu họ tên');
      // Aggregates only: no names or ID numbers on the page.
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('Pánh');
      expect(text).not.toContain('011068001234');
    } finally {
      await browser.close();
    }
  });
});
