import { issueLabel } from './issue-labels.js';
import type { Reconciliation } from './reconciliation.js';

const STATUS_LABEL: Record<string, string> = {
  succeeded: 'Hoàn thành',
  failed: 'Thất bại',
  running: 'Đang chạy',
  loaded: 'Đã nạp',
  skipped_unchanged: 'Bỏ qua (đã nạp trước đây, không đổi)',
  failed_file: 'Lỗi',
};

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function utc(iso: string | null): string {
  return iso ? `${iso.slice(0, 19).replace('T', ' ')} (UTC)` : '';
}

function statusLabel(status: string, isFile: boolean): string {
  return STATUS_LABEL[isFile && status === 'failed' ? 'failed_file' : status] ?? status;
}

/**
 * The run's reconciliation as a Vietnamese HTML page for IT staff and managers: totals, the balance check,
 * every file with its outcome, and issue counts. Aggregates only: no names or ID numbers.
 *
 * @example
 * await writeFile(join(out, 'reconciliation.html'), renderReconciliationHtml(report));
 */
export function renderReconciliationHtml(report: Reconciliation): string {
  const balanced = report.records_in === report.new + report.merged + report.flagged + report.rejected;
  const fileRows = report.files
    .map(
      (f) => `<tr class="${f.status}"><td>${escapeHtml(f.name)}</td><td>${escapeHtml(f.kind)}</td>` +
        `<td>${statusLabel(f.status, true)}</td><td class="n">${f.records_in}</td><td class="n">${f.new}</td>` +
        `<td class="n">${f.merged}</td><td class="n">${f.flagged}</td><td class="n">${f.rejected}</td>` +
        `<td>${f.error ? escapeHtml(f.error) : ''}</td></tr>`,
    )
    .join('\n');
  const issueRows = Object.entries(report.issues_by_code)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `<tr><td>${escapeHtml(issueLabel(code))}</td><td><code>${escapeHtml(code)}</code></td><td class="n">${count}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Đối soát lần chạy ${escapeHtml(report.run_id)}</title>
<style>
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { background: #fde2e2; }
tr.skipped_unchanged td { color: #777; }
.ok { color: #176d2c; } .bad { color: #b00020; font-weight: bold; }
</style>
</head>
<body>
<h1>Báo cáo đối soát lần nhập dữ liệu</h1>
<p>Mã lần chạy: <strong>${escapeHtml(report.run_id)}</strong> · Quy trình: ${escapeHtml(report.pipeline)}${report.dry_run ? ' · <strong>Chạy thử (không ghi vào cơ sở dữ liệu)</strong>' : ''}</p>
<p>Bắt đầu: ${escapeHtml(utc(report.started_at))} · Kết thúc: ${escapeHtml(utc(report.finished_at))} · Trạng thái: <strong>${statusLabel(report.status, false)}</strong></p>
${report.gazetteer_version ? `<p>Danh mục hành chính dùng để mã hoá địa chỉ: ${escapeHtml(report.gazetteer_version)}</p>` : ''}
${report.error ? `<p class="bad">Lỗi: ${escapeHtml(report.error)}</p>` : ''}
<h2>Tổng hợp</h2>
<table id="totals">
<tr><th>Bản ghi đầu vào</th><td class="n">${report.records_in}</td></tr>
<tr><th>Thêm mới</th><td class="n">${report.new}</td></tr>
<tr><th>Gộp với người đã có</th><td class="n">${report.merged}</td></tr>
<tr><th>Cần xem xét (chờ duyệt)</th><td class="n">${report.flagged}</td></tr>
<tr><th>Bị loại (xem rejects.csv)</th><td class="n">${report.rejected}</td></tr>
</table>
<p class="${balanced ? 'ok' : 'bad'}">${balanced
    ? `Khớp: ${report.records_in} = ${report.new} + ${report.merged} + ${report.flagged} + ${report.rejected}`
    : `KHÔNG KHỚP: ${report.records_in} ≠ ${report.new} + ${report.merged} + ${report.flagged} + ${report.rejected}`}</p>
<h2>Các tệp</h2>
<table id="files">
<tr><th>Tệp</th><th>Loại</th><th>Trạng thái</th><th>Đầu vào</th><th>Mới</th><th>Gộp</th><th>Chờ duyệt</th><th>Bị loại</th><th>Ghi chú</th></tr>
${fileRows}
</table>
<h2>Các vấn đề phát hiện</h2>
${issueRows ? `<table id="issues"><tr><th>Vấn đề</th><th>Mã</th><th>Số lần</th></tr>\n${issueRows}\n</table>` : '<p>Không có.</p>'}
</body>
</html>
`;
}
