import type { ReviewPerson, RunReview } from '../db/match-reviews.js';
import { foldHeader, foldHeaderCore } from '../ingest/header-fold.js';
import { toCsv } from './csv-text.js';

/** The pair id column: `hokhau review apply` finds it (and the decision column) by these words. */
export const PAIR_ID_HEADER = 'mã cặp (pair id)';
export const DECISION_HEADER = 'quyết định: trùng / khác / bỏ qua (decision: same / different / skip)';

/** The side-by-side fields: Vietnamese label, English label, how the value is shown. */
const FIELDS: readonly { vi: string; en: string; value: (p: ReviewPerson) => string | number | null }[] = [
  { vi: 'mã người', en: 'person id', value: (p) => p.id },
  { vi: 'họ tên', en: 'name', value: (p) => p.full_name },
  { vi: 'ngày sinh', en: 'birth date', value: (p) => showDate(p.birth_date) },
  { vi: 'giới tính', en: 'sex', value: (p) => (p.sex === 'M' ? 'Nam' : p.sex === 'F' ? 'Nữ' : null) },
  { vi: 'số định danh', en: 'personal id', value: (p) => p.personal_id },
  { vi: 'số CMND', en: 'old id', value: (p) => p.old_id },
  { vi: 'dân tộc', en: 'ethnicity', value: (p) => p.ethnicity },
  { vi: 'số sổ hộ khẩu', en: 'household book', value: (p) => p.household_book_no },
  { vi: 'quan hệ với chủ hộ', en: 'relation to head', value: (p) => p.relation_to_head },
  { vi: 'địa chỉ', en: 'address', value: (p) => p.address_text },
  { vi: 'mã xã', en: 'commune code', value: (p) => p.commune_code },
  { vi: 'nguồn', en: 'source', value: (p) => p.sources.map(showSource).join('; ') },
];

/** 1968-03-12 → 12/03/1968, 1968-03 → 03/1968, 1968 → 1968: how the books write dates. */
function showDate(iso: string | null): string | null {
  if (!iso) return null;
  return iso.split('-').reverse().join('/');
}

function showSource(s: ReviewPerson['sources'][number]): string {
  const where = [s.sheet ? `trang tính ${s.sheet}` : null, s.row !== null ? `dòng ${s.row}` : null, s.page !== null ? `trang ${s.page}` : null];
  return [s.file, ...where.filter(Boolean)].join(', ');
}

/**
 * Never rounds up to certainty: 0.99996 shows as "99,9%", not "100%". Vietnamese decimal comma.
 * @example showProbability(0.875) // '87,5%'
 */
export function showProbability(p: number): string {
  const tenths = Math.floor(p * 1000 + 1e-9);
  return `${(tenths / 10).toFixed(1).replace('.', ',')}%`;
}

/**
 * review-duplicates.csv: one row per open pair, the pending record (A) beside the person it may be (B), field by
 * field, the reasons in words, and an empty decision column for the reviewer (UTF-8 with BOM, opens in Excel).
 *
 * @example
 * writeFile(join(outDir, 'review-duplicates.csv'), reviewDuplicatesCsv(await listRunReviews(db, runId)));
 */
export function reviewDuplicatesCsv(rows: readonly RunReview[]): string {
  const header = [
    PAIR_ID_HEADER,
    'xác suất trùng (match probability)',
    ...FIELDS.flatMap((f) => [`${f.vi} A (${f.en} A)`, `${f.vi} B (${f.en} B)`]),
    'giải thích (explanation)',
    DECISION_HEADER,
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.id,
      showProbability(r.probability),
      ...FIELDS.flatMap((f) => [f.value(r.a), f.value(r.b)]),
      r.explanation_vi,
      '',
    ]),
  );
}

/** Where the pair id and the decision are in a header row (0-based), or null when the row is not our header. */
export function findReviewColumns(cells: readonly string[]): { pairId: number; decision: number } | null {
  const pairId = cells.findIndex((c) => /^(ma cap|cap so|so cap|id cap)\b/.test(foldHeaderCore(c)) || /\bpair id\b/.test(foldHeader(c)));
  const decision = cells.findIndex((c) => /^quyet dinh\b/.test(foldHeader(c)) || /^decision\b/.test(foldHeader(c)));
  return pairId >= 0 && decision >= 0 && pairId !== decision ? { pairId, decision } : null;
}

export type ReviewDecision = 'same' | 'different' | 'skip';

const DECISIONS = new Map<string, ReviewDecision>([
  ['trung', 'same'], ['same', 'same'],
  ['khac', 'different'], ['different', 'different'],
  ['boqua', 'skip'], ['skip', 'skip'],
]);

/**
 * A decision cell: trùng / khác / bỏ qua or same / different / skip, in any case, with or without diacritics, with a
 * remark in brackets; '' when not decided yet; null when it is none of these.
 *
 * @example
 * parseReviewDecision('Trùng'); // 'same'
 * parseReviewDecision('bo qua'); // 'skip'
 * parseReviewDecision('khác?'); // null
 */
export function parseReviewDecision(text: string): ReviewDecision | '' | null {
  // "khác?" is a reviewer still unsure: not a decision to apply.
  if (text.replace(/\([^)]*\)?/g, '').includes('?')) return null;
  const key = foldHeaderCore(text).replaceAll(' ', '');
  if (key === '') return text.trim() === '' ? '' : null;
  return DECISIONS.get(key) ?? null;
}
