import type { Issue, Normalized } from './issue.js';
import { cleanText, foldKey, properCase } from './vietnamese-text.js';
import { AMBIGUOUS_ETHNIC_SPELLINGS, ETHNIC_GROUPS, type EthnicGroup } from './data/ethnic-groups.js';

/** An ethnic group as stored: today's common name, and the code with the list it comes from. */
export interface Ethnicity {
  name: string;
  code: string | null;
  /** The code list is named because systems use two different numberings (QĐ 121/1979 and QĐ 1019/2008). */
  codeList: 'QD121-1979' | null;
}

/**
 * Spellings seen in household books beyond the reference file's variants column: sub-groups and
 * local names (general knowledge, not an official list). Only unambiguous ones: "Xá" alone could be
 * Khơ Mú, Kháng or Phù Lá, so it is not here.
 */
const EXTRA_VARIANTS: Record<string, readonly string[]> = {
  '01': ['Kinh Việt', 'Việt Kinh'],
  '03': ['Thái Đỏ', 'Tày Thanh'],
  '05': ['Khơ Me', 'Khmer Krom', 'Khơ-me Crôm'],
  '08': ['Hmong', 'Mẹo', 'Mông Hoa', 'Mông Đen', 'Mông Trắng', 'Mông Xanh', 'Mông Đỏ', 'Mông Lềnh', 'Mông Đơ'],
  '09': ['Dao Đỏ', 'Dao Tiền', 'Dao Quần Chẹt', 'Dao Thanh Y', 'Dao Quần Trắng', 'Dao Lô Gang', 'Dao Áo Dài', 'Mán Đỏ'],
  '23': ['Bru', 'Vân Kiều'],
  '27': ['Giẻ', 'Triêng', 'Gié Triêng'],
  '29': ['Khơ Mụ', 'Kmụ', 'Kmu', 'Khamu', 'Xá Cẩu'],
  '33': ['Xá Khao', 'Kháng Dẩng', 'Kháng Hoặc'],
  '35': ['U Ni', 'Xá U Ni', 'Hà Nhì Già'],
  '37': ['Lào Bốc', 'Lào Nọi'],
  '40': ['Xá Phó', 'Phù Lá Lão'],
  '41': ['Lao Xá', 'Xá Lá Vàng'],
  '42': ['Lừ', 'Nhuồn', 'Duôn'],
  '50': ['Cù Dề Xừ'],
};

/** Case-, accent- and punctuation-free key: Hmông, H'Mông, HMÔNG, h mong all give "hmong". */
const compactKey = (text: string): string => foldKey(text).toLowerCase().replace(/[^a-z0-9]/g, '');

const BY_KEY = new Map<string, EthnicGroup>();
for (const group of ETHNIC_GROUPS) {
  for (const spelling of [group.name, group.officialName, ...group.variants, ...(EXTRA_VARIANTS[group.code] ?? [])]) {
    BY_KEY.set(compactKey(spelling), group);
  }
}
const BY_CODE = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));
const AMBIGUOUS = new Map(AMBIGUOUS_ETHNIC_SPELLINGS.map((a) => [compactKey(a.spelling), a]));

/** The name given to a foreigner's "ethnicity" (no code in either list). */
export const FOREIGNER = 'Người nước ngoài';

const FOREIGN = /^(?:nguoi)?(?:nuocngoai|ngoaiquoc|ngoaikieu)|^nnn$|^foreign/;
const NOT_KNOWN = /^(?:khongro|chuaro|khongxacdinh|chuaxacdinh|khongbiet|kxd|kr)$/;
/** Words written before the group name: "Dân tộc Thái", "DT Thái", "Người Mông". */
const LEAD_WORDS = /^(?:dantoc|dt|nguoi)/;

/**
 * Maps a written ethnic group to one of the 54 official groups (QĐ 121-TCTK/PPCĐ 1979 code), whatever
 * the spelling, case, accents or old name (Mèo, Mán, Hán). Unknown names are kept as written with a
 * review issue; foreigners get no code and a warning.
 *
 * @example
 * normalizeEthnicity("H'MÔNG").value // { name: 'Mông', code: '08', codeList: 'QD121-1979' }
 * normalizeEthnicity('Thai den').value // { name: 'Thái', code: '03', codeList: 'QD121-1979' }
 */
export function normalizeEthnicity(raw: string): Normalized<Ethnicity> {
  const text = cleanText(String(raw ?? ''));
  const key = compactKey(text);
  if (key === '') return { value: null, issues: [] };
  if (NOT_KNOWN.test(key)) {
    return { value: null, issues: [issue('ethnicity_not_known', 'warning', `Dân tộc ghi là chưa rõ: '${text}'`)] };
  }
  if (FOREIGN.test(key)) {
    return {
      value: { name: FOREIGNER, code: null, codeList: null },
      issues: [issue('ethnicity_foreign', 'warning', `Người nước ngoài, không có mã dân tộc: '${text}'`)],
    };
  }
  for (const candidate of candidateKeys(text, key)) {
    const ambiguous = AMBIGUOUS.get(candidate);
    const group = BY_KEY.get(candidate);
    if (!group) continue;
    const value: Ethnicity = { name: group.name, code: group.code, codeList: 'QD121-1979' };
    if (ambiguous) {
      const others = ambiguous.alsoOldNameOf.map((c) => BY_CODE.get(c)?.name ?? c).join(', ');
      return {
        value,
        issues: [issue('ethnicity_ambiguous', 'review',
          `Dân tộc '${text}' có thể là dân tộc ${group.name} (mã ${group.code}) hoặc tên cũ của ${others}; cần kiểm tra`)],
      };
    }
    return { value, issues: [] };
  }
  return {
    value: { name: properCase(text), code: null, codeList: null },
    issues: [issue('ethnicity_unknown_group', 'review', `Dân tộc không có trong danh mục 54 dân tộc: '${text}'`)],
  };
}

/** Keys to try in order: the whole text, without lead words, outside and inside parentheses. */
function candidateKeys(text: string, key: string): string[] {
  const keys = [key, key.replace(LEAD_WORDS, '')];
  const paren = /^(.*?)\((.*?)\)?\s*$/.exec(text);
  if (paren) {
    const outside = compactKey(paren[1]);
    keys.push(outside, outside.replace(LEAD_WORDS, ''), compactKey(paren[2]));
  }
  return keys.filter((k) => k !== '');
}

function issue(code: string, severity: Issue['severity'], message: string): Issue {
  return { field: 'ethnicity', code, severity, message };
}
