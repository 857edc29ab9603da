import { Command, CommanderError, Option } from 'commander';
import { RunFailedError, UsageError } from '../errors.js';

const DEFAULT_DB = 'data/registry.sqlite';

// `hokhau export persons | head`: the reader closing the pipe early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('hokhau')
  .description(
    'Số hoá sổ hộ khẩu vào cơ sở dữ liệu dân cư (digitize household-registration books into a population registry).',
  )
  .showHelpAfterError()
  .exitOverride();

program
  .command('import')
  .description(
    'Nhập bảng tính (.csv, .xlsx) và trang sổ hộ khẩu đã quét (.png, .jpg, .tif nhiều trang, .pdf chỉ có ảnh) vào sổ đăng ký ' +
      '(import spreadsheets and scanned household-book pages into the registry)',
  )
  .argument('<paths...>', 'tệp hoặc thư mục, duyệt đệ quy (files or folders, recursive)')
  .option('--db <file>', 'tệp SQLite của sổ đăng ký (registry SQLite file)', DEFAULT_DB)
  .option('--out <dir>', 'thư mục báo cáo của lần chạy (report folder; default data/runs/<run-id>)')
  .option('--pipeline <name>', 'quy trình (pipeline definition)', 'nightly')
  .option('--dry-run', 'đọc và kiểm tra, không ghi vào sổ đăng ký (read and check, write nothing to the registry)', false)
  .option('--ocr-cache <dir>', 'thư mục lưu kết quả OCR theo mã băm ảnh trang (OCR cache; default ocr-cache/ beside --db)')
  .option('--no-ocr-cache', 'không lưu kết quả OCR (do not cache OCR readings)')
  .addHelpText(
    'after',
    `
Ví dụ (examples):
  $ hokhau import /srv/hokhau/inbox
  $ hokhau import xa-muong-phang.xlsx ban-na-ngam.csv --db /var/lib/hokhau/registry.sqlite --out /var/lib/hokhau/runs/today
  $ hokhau import inbox/ --dry-run
  $ hokhau import so-ho-khau-ban-noong-bua.pdf trang-quet/

Trang quét (scanned pages): mỗi trang nhân khẩu thành một bản ghi; trang nhân khẩu thuộc trang hộ đứng trước nó
trong cùng tệp, hoặc lấy số sổ từ tên tệp/thư mục (vd. 110234567/trang-3.jpg). Trường đọc không chắc chắn được ghi
vào review-fields.csv kèm ảnh cắt trong <out>/crops/; người duyệt điền cột corrected_value rồi chạy
"hokhau review apply". Một trang không bao giờ được OCR hai lần (bộ nhớ đệm theo mã băm ảnh).

Mã thoát (exit codes): 0 = xong và khớp số liệu (rejected rows are a normal outcome), 1 = lần chạy thất bại, 2 = sai cú pháp/cấu hình.`,
  )
  .action(async (paths: string[], opts: { db: string; out?: string; pipeline: string; dryRun: boolean; ocrCache?: string | boolean }) => {
    const { importCommand } = await import('./import-command.js');
    const ocrCacheDir = opts.ocrCache === false ? null : typeof opts.ocrCache === 'string' ? opts.ocrCache : undefined;
    await importCommand({ paths, dbUrl: opts.db, outDir: opts.out, pipeline: opts.pipeline, dryRun: opts.dryRun, ocrCacheDir });
  });

const exportCommand = program
  .command('export')
  .description('Xuất dữ liệu sổ đăng ký (export registry data)');

for (const what of ['persons', 'households'] as const) {
  exportCommand
    .command(what)
    .description(what === 'persons' ? 'Xuất nhân khẩu, mỗi người một dòng (one person a line)' : 'Xuất hộ, mỗi hộ một dòng (one household a line)')
    .option('--db <file>', 'tệp SQLite của sổ đăng ký (registry SQLite file)', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'định dạng (format)').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--output <file>', 'ghi ra tệp thay vì stdout (write to a file instead of stdout)')
    .addHelpText('after', `\nVí dụ (example):\n  $ hokhau export ${what} --format csv --output ${what}.csv\n  $ hokhau export ${what} | jq .`)
    .action(async (opts: { db: string; format: 'jsonl' | 'csv'; output?: string }) => {
      const { exportCommand: run } = await import('./export-command.js');
      await run(what, { dbUrl: opts.db, format: opts.format, output: opts.output });
    });
}

program
  .command('gazetteer')
  .description('Danh mục đơn vị hành chính (administrative units list)')
  .command('load')
  .description(
    'Nạp danh mục đơn vị hành chính mới của cơ quan thống kê (.csv/.xlsx) cho các lần nhập sau ' +
      '(load an updated official list of administrative units for the next runs)',
  )
  .argument('<file>', 'tệp xuất danh mục: trước 2025 (Tỉnh, Quận Huyện, Phường Xã) hoặc sau 2025 (Tỉnh, Xã)')
  .option('--db <file>', 'tệp SQLite của sổ đăng ký (registry SQLite file)', DEFAULT_DB)
  .addHelpText('after', '\nVí dụ (example):\n  $ hokhau gazetteer load danh-muc-dvhc-2026.xlsx --db /var/lib/hokhau/registry.sqlite')
  .action(async (file: string, opts: { db: string }) => {
    const { loadGazetteerFile } = await import('../pipeline/load-gazetteer-file.js');
    const r = await loadGazetteerFile(opts.db, file);
    const list = r.kind === 'pre2025' ? 'trước 1/7/2025' : 'sau 1/7/2025';
    process.stdout.write(
      `Đã nạp danh mục ${list}: ${r.provinces} tỉnh, ${r.kind === 'pre2025' ? `${r.districts} huyện, ` : ''}${r.communes} xã. ` +
        `Phiên bản ${r.version} sẽ dùng cho các lần nhập sau.\n`,
    );
  });

program
  .command('runs')
  .description('Lịch sử các lần chạy với trạng thái và số liệu (run history with status and counts)')
  .option('--db <file>', 'tệp SQLite của sổ đăng ký (registry SQLite file)', DEFAULT_DB)
  .option('--limit <n>', 'số lần chạy gần nhất (how many recent runs)', '20')
  .option('--json', 'in JSON (print JSON)', false)
  .addHelpText('after', '\nVí dụ (example):\n  $ hokhau runs --db /var/lib/hokhau/registry.sqlite --limit 5')
  .action(async (opts: { db: string; limit: string; json: boolean }) => {
    const { runsCommand } = await import('./runs-command.js');
    await runsCommand({ dbUrl: opts.db, limit: Number(opts.limit), json: opts.json });
  });

program
  .command('review')
  .description('Duyệt các cặp nghi trùng và các trường nghi ngờ (review flagged duplicate pairs and doubtful fields)')
  .command('apply')
  .description(
    'Áp dụng tệp review-duplicates.csv hoặc review-fields.csv đã duyệt; loại tệp nhận theo dòng tiêu đề ' +
      '(apply a reviewed review-duplicates.csv or review-fields.csv, told apart by its header)',
  )
  .argument(
    '<file>',
    'review-duplicates.csv (cột "quyết định": trùng / khác / bỏ qua) hoặc review-fields.csv (cột corrected_value), .csv hoặc .xlsx',
  )
  .requiredOption('--reviewer <name>', 'họ tên người duyệt, ghi vào nhật ký (reviewer name, for the audit)')
  .option('--db <file>', 'tệp SQLite của sổ đăng ký (registry SQLite file)', DEFAULT_DB)
  .addHelpText(
    'after',
    `
Ví dụ (examples):
  $ hokhau review apply data/runs/2025-06-01/review-duplicates.csv --reviewer "Lò Thị Mai"
  $ hokhau review apply data/runs/2025-06-01/review-fields.csv --reviewer "Lò Thị Mai"

review-fields.csv: ghi giá trị đúng vào cột corrected_value (write the right value in corrected_value).
  - Giá trị đã đọc là đúng: ghi lại đúng giá trị đó để xác nhận (to confirm the value read, write it again).
  - Để trống: chưa quyết định, để lần sau (left empty: undecided, kept for later).
  - Trường trong sổ để trống mà máy đọc ra chữ: ghi "(trống)" (the book has nothing there: write "(trống)").
  Giá trị sửa được chuẩn hoá lại như khi nhập; nhân khẩu thành chính thức khi không còn trường nào cần duyệt
  và không còn cặp nghi trùng (corrected values are normalized again; the person becomes active when nothing is left).

Mã thoát (exit codes): 0 = đã áp dụng (hoặc không có gì thay đổi), 2 = có dòng không hợp lệ, không áp dụng gì.`,
  )
  .action(async (file: string, opts: { reviewer: string; db: string }) => {
    const { reviewApplyCommand } = await import('./review-command.js');
    await reviewApplyCommand({ file, reviewer: opts.reviewer, dbUrl: opts.db });
  });

program.addHelpText(
  'after',
  `
Ví dụ (examples):
  $ hokhau import fixtures/spreadsheets/inbox
  $ hokhau export persons --format csv --output nhan-khau.csv
  $ hokhau runs`,
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version end through here too, with exit code 0.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`hokhau: ${err.message}\n`);
    return 2;
  }
  if (err instanceof RunFailedError) {
    process.stderr.write(`hokhau: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`hokhau: lỗi không mong đợi (unexpected error): ${(err as Error)?.stack ?? String(err)}\n`);
  return 1;
}
