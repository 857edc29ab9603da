/**
 * Sets every entry's DOS date/time in a ZIP (XLSX) to one fixed value. exceljs zips through JSZip, which
 * stamps entries with the current time, so without this the same seed would give different bytes.
 *
 * @example
 * const stable = fixZipTimes(await workbook.xlsx.writeBuffer() as Buffer);
 */
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 15; // 2024-03-15

export function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  // End of central directory: the last "PK\x05\x06" record.
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
