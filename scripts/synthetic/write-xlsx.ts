/**
 * Renders sheet models as one XLSX workbook with exceljs: merges, date cells and serials, and legacy-font
 * cells — TCVN3 text in .VnTime (capitals in .VnTimeH, typed with the lower-case codes) and VNI text in
 * VNI-Times — exactly as a spreadsheet reader would find them. Output is byte-for-byte deterministic.
 *
 * @example
 * const bytes = await writeXlsx([{ model, encoding: 'tcvn3' }], ['Sheet3']);
 */
import ExcelJS from 'exceljs';
import type { SheetModel } from './sheet-model.js';
import { toTcvn3CapitalFontText, toTcvn3Text, toVniText } from './legacy-encode.js';
import { fixZipTimes } from './zip-fixed-time.js';

/** unicode: Times New Roman; tcvn3: every text cell; tcvn3-names: only names (.VnTimeH); vni: every text cell. */
export type XlsxSheetEncoding = 'unicode' | 'tcvn3' | 'tcvn3-names' | 'vni';

export interface XlsxSheet {
  model: SheetModel;
  encoding: XlsxSheetEncoding;
}

const FIXED_TIME = new Date(Date.UTC(2024, 2, 15, 8, 0, 0));

function legacyText(text: string, isName: boolean, encoding: XlsxSheetEncoding): { text: string; font: string } {
  const capitals = /\p{L}/u.test(text) && text === text.toUpperCase();
  if (encoding === 'vni') return { text: toVniText(text), font: 'VNI-Times' };
  if (encoding === 'tcvn3-names' && !isName) return { text, font: 'Times New Roman' };
  if (encoding === 'unicode') return { text, font: 'Times New Roman' };
  if (isName || capitals) return { text: toTcvn3CapitalFontText(text), font: '.VnTimeH' };
  return { text: toTcvn3Text(text), font: '.VnTime' };
}

export async function writeXlsx(sheets: readonly XlsxSheet[], emptySheets: readonly string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công an xã';
  wb.lastModifiedBy = 'Công an xã';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  wb.lastPrinted = FIXED_TIME;
  for (const { model, encoding } of sheets) {
    const ws = wb.addWorksheet(model.name ?? 'Sheet1');
    model.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (cell.v === null || cell.v === '') return;
        const target = ws.getCell(r + 1, c + 1);
        if (typeof cell.v === 'string') {
          const { text, font } = legacyText(cell.v, cell.nameCell === true || row.kind === 'title', encoding);
          target.value = text;
          target.font = { name: font, size: 12, bold: row.kind === 'header' || row.kind === 'title' };
        } else {
          target.value = cell.v;
          target.font = { name: 'Times New Roman', size: 12 };
          if (cell.numFmt) target.numFmt = cell.numFmt;
        }
      });
    });
    for (const m of model.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    model.layout.columns.forEach((col, i) => {
      ws.getColumn(i + 1).width = col.field === 'full_name' || col.field === 'address' ? 26 : 12;
    });
  }
  for (const name of emptySheets) wb.addWorksheet(name);
  const buf = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer;
  return fixZipTimes(Buffer.from(buf));
}
