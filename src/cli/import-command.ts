import { join } from 'node:path';
import { RunFailedError } from '../errors.js';
import { jsonLogger, silentLogger } from '../pipeline/logger.js';
import { runImport, type ImportOptions } from '../pipeline/run-import.js';
import type { Reconciliation } from '../report/reconciliation.js';
import { progressBar } from './progress-bar.js';

/** One line for the cron mail: outcome, files (skipped and failed named), the balance, where the reports are. */
export function summaryLine(report: Reconciliation, outDir: string): string {
  const label = report.status === 'succeeded' ? 'Hoàn thành' : 'THẤT BẠI';
  const skipped = report.files.filter((f) => f.status === 'skipped_unchanged').length;
  const failed = report.files.filter((f) => f.status === 'failed').length;
  const fileNotes = [skipped > 0 ? `${skipped} bỏ qua vì đã nạp` : '', failed > 0 ? `${failed} lỗi` : ''].filter(Boolean);
  return (
    `${label} ${report.run_id}${report.dry_run ? ' (chạy thử)' : ''}: ${report.files.length} tệp` +
    `${fileNotes.length > 0 ? ` (${fileNotes.join(', ')})` : ''}, ` +
    `${report.records_in} bản ghi = ${report.new} mới + ${report.merged} gộp + ${report.flagged} chờ duyệt + ` +
    `${report.rejected} bị loại. Báo cáo: ${join(outDir, 'reconciliation.html')}`
  );
}

/** `hokhau import`: runs the pipeline with a progress bar on a terminal or JSON logs otherwise, then one summary line. */
export async function importCommand(options: Omit<ImportOptions, 'log' | 'onProgress'>): Promise<void> {
  const interactive = process.stderr.isTTY === true;
  try {
    const { report, outDir } = await runImport({
      ...options,
      log: interactive ? silentLogger : jsonLogger(),
      onProgress: interactive ? progressBar(process.stderr) : undefined,
    });
    process.stdout.write(summaryLine(report, outDir) + '\n');
  } catch (err) {
    const detail = err instanceof RunFailedError ? (err.cause as { report?: Reconciliation; outDir?: string } | undefined) : undefined;
    if (detail?.report && detail.outDir) process.stdout.write(summaryLine(detail.report, detail.outDir) + '\n');
    throw err;
  }
}
