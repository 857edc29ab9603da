import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { exportHouseholds, exportPersons } from '../db/export-rows.js';
import { openRegistry } from '../db/open-registry.js';
import { csvLine, toCsv } from '../report/csv-text.js';

/** Writes with backpressure, so a 1M-person export streams in bounded memory. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

function csvValue(value: unknown): unknown {
  return Array.isArray(value) || (value !== null && typeof value === 'object') ? JSON.stringify(value) : value;
}

/** `hokhau export persons|households`: JSON lines or CSV (UTF-8 with BOM), to stdout or a file. */
export async function exportCommand(
  what: 'persons' | 'households',
  options: { dbUrl: string; format: 'jsonl' | 'csv'; output?: string },
): Promise<void> {
  const registry = await openRegistry(options.dbUrl);
  const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
  try {
    const rows: AsyncGenerator<object> = what === 'persons' ? exportPersons(registry.db) : exportHouseholds(registry.db);
    let header: string[] | null = null;
    for await (const row of rows) {
      if (options.format === 'jsonl') {
        await write(out, JSON.stringify(row) + '\n');
        continue;
      }
      if (!header) {
        header = Object.keys(row);
        await write(out, toCsv(header, []));
      }
      await write(out, csvLine(Object.values(row).map(csvValue)));
    }
  } finally {
    await registry.close();
    if (options.output) {
      out.end();
      await once(out, 'finish');
    }
  }
}
