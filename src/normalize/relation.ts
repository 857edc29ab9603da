import type { Issue, Normalized } from './issue.js';
import { cleanText, foldKey, toneKey } from './vietnamese-text.js';
import { sentenceCase } from './simple-fields.js';

/**
 * Canonical relation labels and the other ways clerks write them. "Con trai"/"Con gái" and the like
 * stay distinct from "Con": the label is kept as precise as written, only synonyms are merged.
 */
export const RELATION_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  'Chủ hộ': ['CH', 'Chủ', 'Chủ HK', 'Chủ hộ khẩu', 'Chủ gia đình', 'Chủ nhà', 'Bản thân'],
  'Vợ': ['Bà xã'],
  'Chồng': ['Ông xã'],
  'Con': [],
  'Con trai': [],
  'Con gái': [],
  'Con đẻ': ['Con ruột'],
  'Con nuôi': [],
  'Con riêng': ['Con vợ', 'Con chồng', 'Con riêng của vợ', 'Con riêng của chồng'],
  'Con dâu': [],
  'Con rể': [],
  'Cháu': ['Cháu ruột', 'Cháu họ'],
  'Cháu nội': [],
  'Cháu ngoại': [],
  'Cháu dâu': [],
  'Cháu rể': [],
  'Chắt': ['Chắt nội', 'Chắt ngoại'],
  'Chít': [],
  'Bố': ['Cha', 'Ba', 'Tía', 'Bố đẻ', 'Cha đẻ', 'Bố ruột', 'Cha ruột'],
  'Mẹ': ['Má', 'U', 'Mẹ đẻ', 'Mẹ ruột'],
  'Bố vợ': ['Cha vợ', 'Ba vợ'],
  'Mẹ vợ': ['Má vợ'],
  'Bố chồng': ['Cha chồng', 'Ba chồng'],
  'Mẹ chồng': ['Má chồng'],
  'Bố nuôi': ['Cha nuôi'],
  'Mẹ nuôi': [],
  'Bố dượng': ['Cha dượng', 'Bố kế', 'Cha kế'],
  'Mẹ kế': ['Dì ghẻ', 'Mẹ ghẻ'],
  'Anh': ['Anh ruột'],
  'Chị': ['Chị ruột'],
  'Em': ['Em ruột'],
  'Anh trai': [],
  'Chị gái': [],
  'Em trai': [],
  'Em gái': [],
  'Anh rể': [],
  'Chị dâu': [],
  'Em dâu': [],
  'Em rể': [],
  'Anh họ': [],
  'Chị họ': [],
  'Em họ': [],
  'Ông': [],
  'Bà': [],
  'Ông nội': [],
  'Bà nội': [],
  'Ông ngoại': [],
  'Bà ngoại': [],
  'Cụ': ['Cụ ông', 'Cụ bà', 'Cụ nội', 'Cụ ngoại'],
  'Cô': ['Cô ruột'],
  'Dì': ['Dì ruột'],
  'Chú': ['Chú ruột'],
  'Bác': ['Bác ruột'],
  'Cậu': ['Cậu ruột'],
  'Thím': [],
  'Mợ': [],
  'Dượng': [],
  'Người ở nhờ': ['Ở nhờ', 'Ở ghép', 'Người ở ghép', 'Ở cùng', 'Người ở cùng'],
  'Người giúp việc': ['Giúp việc', 'Người làm'],
  'Khác': ['Quan hệ khác', 'Không quan hệ', 'Không có quan hệ'],
};

const tokensOf = (text: string): string[] => cleanText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const toneTokens = (tokens: string[]): string[] => tokens.map((t) => toneKey(t));
const foldTokens = (tokens: string[]): string[] => tokens.map((t) => foldKey(t));

interface Spelling {
  key: string;
  label: string;
}
/** Key with diacritics (tone placement-independent) → label, and accent-free key → spellings. */
const EXACT = new Map<string, string>();
const FOLDED = new Map<string, Spelling[]>();
for (const [label, spellings] of Object.entries(RELATION_SPELLINGS)) {
  for (const s of [label, ...spellings]) {
    const tokens = tokensOf(s);
    const key = toneTokens(tokens).join(' ');
    EXACT.set(key, label);
    const folded = foldTokens(tokens).join(' ');
    FOLDED.set(folded, [...(FOLDED.get(folded) ?? []), { key, label }]);
  }
}

/** Trailing words that say whose relative, or which one: "Con của chủ hộ", "Con thứ 2", "Con út". */
const TRAILING = [['cua', 'chu', 'ho'], ['chu', 'ho'], ['cua', 'ch'], ['ch'], ['ca'], ['ut'], ['lon'], ['nho']];

/**
 * Maps a written relation to the head of household to its canonical Vietnamese label, matching without
 * case or diacritics. Where dropping diacritics makes two labels meet ("Ba" = Bố, "Bà"; "Chu" = Chủ hộ,
 * Chú) an unaccented spelling goes to review rather than being guessed.
 *
 * @example
 * normalizeRelation('chu ho').value   // 'Chủ hộ'
 * normalizeRelation('CON DÂU').value  // 'Con dâu'
 * normalizeRelation('Vợ chủ hộ').value // 'Vợ'
 */
export function normalizeRelation(raw: string): Normalized<string> {
  const text = cleanText(String(raw ?? ''));
  const tokens = tokensOf(text);
  if (tokens.length === 0) return { value: null, issues: [] };
  for (const candidate of candidates(tokens)) {
    const found = lookup(candidate);
    if (found === null) continue;
    if (typeof found === 'string') return { value: found, issues: [] };
    return {
      value: sentenceCase(text),
      issues: [issue('relation_ambiguous', `Quan hệ với chủ hộ '${text}' không rõ là ${[...found].join(' hay ')}; cần kiểm tra`)],
    };
  }
  return {
    value: sentenceCase(text),
    issues: [issue('relation_unknown', `Quan hệ với chủ hộ không có trong danh mục: '${text}'`)],
  };
}

/** The tokens as written, then with trailing qualifiers and numbering ("thứ 2", "1") dropped. */
function candidates(tokens: string[]): string[][] {
  const out = [tokens];
  let current = tokens;
  const folded = foldTokens(tokens);
  let end = tokens.length;
  for (let changed = true; changed && end > 1; ) {
    changed = false;
    const thu = folded.lastIndexOf('thu', end - 1);
    if (thu > 0 && end - thu <= 2) {
      end = thu;
      changed = true;
    } else if (/^\d+$/.test(folded[end - 1])) {
      end -= 1;
      changed = true;
    } else {
      for (const tail of TRAILING) {
        if (end > tail.length && tail.every((t, i) => folded[end - tail.length + i] === t)) {
          end -= tail.length;
          changed = true;
          break;
        }
      }
    }
    if (changed) {
      current = tokens.slice(0, end);
      out.push(current);
    }
  }
  return out;
}

/** A label, a set of labels when the spelling is ambiguous, or null. */
function lookup(tokens: string[]): string | Set<string> | null {
  const exactKey = toneTokens(tokens).join(' ');
  const foldedKey = foldTokens(tokens).join(' ');
  const exact = EXACT.get(exactKey);
  if (exact !== undefined && exactKey !== foldedKey) return exact;
  // Missing diacritics may be filled in, written ones must agree: "Ban than" may be Bản thân, "Bạn thân" is not.
  const labels = new Set(
    (FOLDED.get(foldedKey) ?? []).filter((s) => compatible(exactKey, s.key)).map((s) => s.label),
  );
  if (labels.size === 0) return null;
  return labels.size === 1 ? [...labels][0] : labels;
}

/** True when every letter of `written` is the spelling's letter or that letter without its marks. */
function compatible(written: string, spelling: string): boolean {
  const a = [...written];
  const b = [...spelling];
  if (a.length !== b.length) return false;
  return a.every((ch, i) => ch === b[i] || ch === foldKey(ch));
}

function issue(code: string, message: string): Issue {
  return { field: 'relation_to_head', code, severity: 'review', message };
}
