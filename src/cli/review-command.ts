import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { applyDuplicateReviews, readReviewRows, type ApplyDuplicateReviewsResult } from '../pipeline/apply-duplicate-reviews.js';
import { applyFieldReviews, readFieldReviewRows, readReviewGrids, type ApplyFieldReviewsResult } from '../pipeline/apply-field-reviews.js';

/**
 * `hokhau review apply <file> --reviewer <name>`: applies a reviewer's review-duplicates.csv or review-fields.csv
 * (told apart by their header) and prints what changed in Vietnamese. Bad rows: nothing is applied, they are listed
 * on stderr and the exit code is 2.
 *
 * @example
 * await reviewApplyCommand({ file: 'review-duplicates.csv', reviewer: 'Lò Thị Mai', dbUrl: 'data/registry.sqlite' });
 * await reviewApplyCommand({ file: 'review-fields.csv', reviewer: 'Lò Thị Mai', dbUrl: 'data/registry.sqlite' });
 */
export async function reviewApplyCommand(options: { file: string; reviewer: string; dbUrl: string }): Promise<void> {
  const kind = await reviewFileKind(options.file);
  const result = kind === 'fields' ? await applyFieldReviews(options) : await applyDuplicateReviews(options);
  process.stdout.write(kind === 'fields' ? fieldsSummary(result as ApplyFieldReviewsResult) : summary(result as ApplyDuplicateReviewsResult));
  if (result.invalid.length > 0) {
    throw new UsageError(
      `${result.invalid.length} dòng không hợp lệ, chưa áp dụng dòng nào; hãy sửa tệp rồi chạy lại ` +
        `(invalid rows, nothing applied):\n${result.invalid.map((m) => `  ${m}`).join('\n')}`,
    );
  }
}

/** Which review file this is, by its header; a clear usage error when it is neither. */
async function reviewFileKind(file: string): Promise<'duplicates' | 'fields'> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UsageError(`Không đọc được tệp ${file} (file not found or unreadable).`);
  }
  const grids = await readReviewGrids(bytes, basename(file));
  if (readReviewRows(grids) !== null) return 'duplicates';
  if (readFieldReviewRows(grids) !== null) return 'fields';
  throw new UsageError(
    `Tệp ${basename(file)} không phải tệp review-duplicates.csv (cột "mã cặp" và "quyết định") ` +
      'cũng không phải tệp review-fields.csv (cột "mã bản ghi", "trường" và "corrected_value"). Không áp dụng gì.',
  );
}

/** How many persons still waiting are named one by one; the rest are counted. */
const PENDING_SHOWN = 20;

function fieldsSummary(r: ApplyFieldReviewsResult): string {
  const lines = [
    `Tệp ${r.fileName} (sửa trường):`,
    `  đã áp dụng: ${r.applied} giá trị sửa`,
    `  không thay đổi (đã áp dụng trước đó): ${r.unchanged}`,
    `  chưa sửa (corrected_value để trống): ${r.undecided} — giá trị đã đọc đúng thì ghi lại đúng giá trị đó vào corrected_value để xác nhận`,
    `  không hợp lệ: ${r.invalid.length}`,
  ];
  if (r.invalid.length > 0) return lines.join('\n') + '\n';
  lines.push(`  ${r.activated} người chờ duyệt đã thành chính thức.`);
  if (r.pending.length > 0) {
    lines.push(`  ${r.pending.length} người vẫn chờ duyệt:`);
    for (const p of r.pending.slice(0, PENDING_SHOWN)) {
      const why = [
        ...(p.reviewFields.length > 0 ? [`còn trường cần duyệt: ${p.reviewFields.join(', ')}`] : []),
        ...(p.openPairs.length > 0 ? [`còn cặp nghi trùng chưa quyết định (mã cặp ${p.openPairs.join(', ')}, xem review-duplicates.csv)`] : []),
      ];
      lines.push(`    người số ${p.personId} (${p.fullName}): ${why.join('; ')}`);
    }
    if (r.pending.length > PENDING_SHOWN) lines.push(`    … và ${r.pending.length - PENDING_SHOWN} người khác.`);
  }
  if (r.applied === 0) {
    lines.push(
      r.previouslyAppliedAt
        ? `Không có thay đổi nào: tệp này đã được áp dụng lúc ${r.previouslyAppliedAt.slice(0, 19).replace('T', ' ')} (UTC).`
        : 'Không có thay đổi nào.',
    );
  }
  return lines.join('\n') + '\n';
}

function summary(r: ApplyDuplicateReviewsResult): string {
  const applied = r.invalid.length > 0 ? 0 : r.applied.same + r.applied.different;
  const lines = [
    `Tệp ${r.fileName}:`,
    `  đã áp dụng: ${applied} (trùng: ${r.applied.same}, khác: ${r.applied.different})`,
    `  không thay đổi (đã quyết định trước đó): ${r.unchanged}`,
    `  bỏ qua: ${r.skipped}; chưa quyết định: ${r.undecided}`,
    `  không hợp lệ: ${r.invalid.length}`,
  ];
  if (applied > 0) lines.push(`  ${r.merged} người đã được gộp; ${r.activated} người chờ duyệt đã thành chính thức.`);
  if (applied === 0 && r.invalid.length === 0) {
    lines.push(
      r.previouslyAppliedAt
        ? `Không có thay đổi nào: tệp này đã được áp dụng lúc ${r.previouslyAppliedAt.slice(0, 19).replace('T', ' ')} (UTC).`
        : 'Không có thay đổi nào.',
    );
  }
  return lines.join('\n') + '\n';
}
