/**
 * Sex (giới tính) as 'M' or 'F'. Compared on foldKey, so case, diacritics and tone typos
 * (NỮ, Nu, Nử, Nũ) do not matter.
 */
import type { Issue, Normalized } from './issue.js';
import { cleanText, foldKey } from './vietnamese-text.js';

const SEX_BY_FOLDED: ReadonlyMap<string, 'M' | 'F'> = new Map([
  ['nam', 'M'],
  ['nam gioi', 'M'],
  ['trai', 'M'],
  ['con trai', 'M'],
  ['be trai', 'M'],
  ['dan ong', 'M'],
  ['m', 'M'],
  ['male', 'M'],
  ['man', 'M'],
  ['n', 'M'],
  ['nu', 'F'],
  ['nu gioi', 'F'],
  ['gai', 'F'],
  ['con gai', 'F'],
  ['be gai', 'F'],
  ['phu nu', 'F'],
  ['dan ba', 'F'],
  ['f', 'F'],
  ['female', 'F'],
  ['woman', 'F'],
]);

/** "Giới tính:" / "GT:" labels and punctuation around the value. */
const LABEL_RE = /^(?:gioi tinh|gt|phai)\s*:?\s*/;
const EDGE_PUNCT_RE = /^[^a-z0-9]+|[^a-z0-9]+$/g;
const DIGIT_RE = /\d/;

/**
 * Normalizes a sex cell. Empty gives `{ value: null, issues: [] }` (the record may say sex elsewhere:
 * a "Nam/Nữ" year column or the personal ID).
 *
 * @example
 * normalizeSex('Nữ').value; // 'F'
 * normalizeSex('1').issues[0].code; // 'sex_unknown' (digit codes differ between systems)
 */
export function normalizeSex(raw: string): Normalized<'M' | 'F'> {
  const shown = cleanText(raw);
  if (shown === '') return { value: null, issues: [] };
  const key = foldKey(shown).replace(LABEL_RE, '').replace(EDGE_PUNCT_RE, '');
  const sex = SEX_BY_FOLDED.get(key);
  if (sex !== undefined) {
    const issues: Issue[] = [];
    if (key === 'n') {
      // Both Nam and Nữ start with N; "N" for Nam is the usual form-filling habit, but say so.
      issues.push({
        field: 'sex',
        code: 'sex_abbreviated',
        severity: 'warning',
        message: `Giới tính viết tắt "${shown}", đã hiểu là Nam`,
      });
    }
    return { value: sex, issues };
  }
  const why = DIGIT_RE.test(key) ? ' (mã số không rõ nghĩa: mỗi hệ thống dùng một quy ước)' : '';
  return {
    value: null,
    issues: [{ field: 'sex', code: 'sex_unknown', severity: 'review', message: `Không rõ giới tính: "${shown}"${why}` }],
  };
}
