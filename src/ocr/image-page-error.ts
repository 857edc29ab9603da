/**
 * Why a scanned file or one of its pages could not be turned into pixels. Carries the page (1-based; null when
 * the whole file is unreadable) so a multi-page book can report one bad page and go on with the others.
 *
 * @example
 * throw tooLargeError(3, 25000, 25000, 60_000_000);
 * // PageImageError: Ảnh trang 3 quá lớn (25000×25000 điểm ảnh, giới hạn 60 triệu): … — page image too large
 */

export type PageImageProblem = 'too-large' | 'corrupt' | 'unsupported' | 'encrypted' | 'empty';

export class PageImageError extends Error {
  override name = 'PageImageError';

  constructor(
    /** 1-based page, or null when the file as a whole cannot be read. */
    readonly page: number | null,
    readonly problem: PageImageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The decoder's own words, shortened: enough for a log line, not a stack of libvips warnings. */
function detail(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const firstLine = text.split('\n')[0]!.trim();
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}…` : firstLine;
}

function millions(pixels: number): string {
  return (Math.round((pixels / 1e6) * 10) / 10).toString().replace('.', ',');
}

export function tooLargeError(page: number, width: number, height: number, maxPixels: number): PageImageError {
  return new PageImageError(
    page,
    'too-large',
    `Ảnh trang ${page} quá lớn (${width}×${height} điểm ảnh, giới hạn ${millions(maxPixels)} triệu): ` +
      'có thể là tệp hỏng hoặc tệp độc hại. — page image too large',
  );
}

export function corruptPageError(page: number, cause: unknown): PageImageError {
  return new PageImageError(
    page,
    'corrupt',
    `Không đọc được ảnh trang ${page}: dữ liệu ảnh hỏng hoặc bị cắt cụt (${detail(cause)}). — corrupt or truncated page image`,
    { cause },
  );
}

export function unreadableImageError(cause: unknown): PageImageError {
  return new PageImageError(
    null,
    'unsupported',
    `Không đọc được tệp ảnh: không phải ảnh PNG/JPEG/TIFF hợp lệ hoặc tệp đã hỏng (${detail(cause)}). — not a readable image`,
    { cause },
  );
}

export function unreadablePdfError(cause: unknown): PageImageError {
  return new PageImageError(
    null,
    'unsupported',
    `Không mở được tệp PDF: tệp hỏng hoặc không phải PDF (${detail(cause)}). — cannot open PDF`,
    { cause },
  );
}

export function encryptedPdfError(): PageImageError {
  return new PageImageError(
    null,
    'encrypted',
    'Không mở được tệp PDF vì tệp có mật khẩu (đã mã hoá); hãy gửi bản không khoá. — PDF is password-protected',
  );
}

export function emptyFileError(): PageImageError {
  return new PageImageError(null, 'empty', 'Tệp không có trang nào. — file has no pages');
}
