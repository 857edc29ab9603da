import { openRegistry } from '../db/open-registry.js';
import { listRuns } from '../db/run-ledger.js';

/** `hokhau runs`: the run history, newest first, as a table or JSON. */
export async function runsCommand(options: { dbUrl: string; limit: number; json: boolean }): Promise<void> {
  const registry = await openRegistry(options.dbUrl);
  try {
    const runs = await listRuns(registry.db, Number.isFinite(options.limit) && options.limit > 0 ? options.limit : 20);
    if (options.json) {
      for (const run of runs) process.stdout.write(JSON.stringify(run) + '\n');
      return;
    }
    const header = ['mã lần chạy', 'bắt đầu', 'trạng thái', 'tệp', 'vào', 'mới', 'gộp', 'chờ duyệt', 'loại'];
    const rows = runs.map((r) => [r.id, r.started_at.slice(0, 19).replace('T', ' '), r.status, r.files_count, r.records_in,
      r.new_count, r.merged_count, r.flagged_count, r.rejected_count].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    process.stdout.write([line(header), ...rows.map(line)].join('\n') + '\n');
    if (runs.length === 0) process.stdout.write('(chưa có lần chạy nào — no runs yet)\n');
  } finally {
    await registry.close();
  }
}
