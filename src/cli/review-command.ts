import { UsageError } from '../errors.js';
import { applyDuplicateReviews, type ApplyDuplicateReviewsResult } from '../pipeline/apply-duplicate-reviews.js';

/**
 * `hokhau review apply <file> --reviewer <name>`: applies a reviewer's review-duplicates.csv and prints what
 * changed in Vietnamese. Bad rows: nothing is applied, they are listed on stderr and the exit code is 2.
 *
 * @example
 * await reviewApplyCommand({ file: 'review-duplicates.csv', reviewer: 'Lò Thị Mai', dbUrl: 'data/registry.sqlite' });
 */
export async function reviewApplyCommand(options: { file: string; reviewer: string; dbUrl: string }): Promise<void> {
  const result = await applyDuplicateReviews(options);
  process.stdout.write(summary(result));
  if (result.invalid.length > 0) {
    throw new UsageError(
      `${result.invalid.length} dòng không hợp lệ, chưa áp dụng dòng nào; hãy sửa tệp rồi chạy lại ` +
        `(invalid rows, nothing applied):\n${result.invalid.map((m) => `  ${m}`).join('\n')}`,
    );
  }
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
