import { foldKey } from '../../../normalize/vietnamese-text.js';
import type { PersonValues } from '../../../normalize/person-values.js';
import { label, type Comparison } from '../comparison.js';
import { codeComparison, idComparison } from './id-comparison.js';
import { nullLevel } from './text-comparison.js';
import { nameFeatures, type NameFields } from './vn-name-comparison.js';

/**
 * Sex: null; same; different (the model's guard also stops such a pair from merging).
 *
 * @example
 * sexComparison().prepare({ sex: 'F' }); // 'F'
 */
export function sexComparison(): Comparison<Pick<PersonValues, 'sex'>, string | null> {
  return codeComparison('sex', label('giới tính', 'sex'), (p) => p.sex, 0.98, 0.5);
}

/** Personal ID (số định danh): one missing; equal; one typo; different → strong negative. */
export function personalIdComparison(): Comparison<Pick<PersonValues, 'personal_id'>, string | null> {
  return idComparison('personal_id', label('số định danh', 'personal ID'), (p) => p.personal_id);
}

/** Old 9-digit CMND, compared like the personal ID. */
export function oldIdComparison(): Comparison<Pick<PersonValues, 'old_id'>, string | null> {
  return idComparison('old_id', label('số CMND cũ', 'old ID'), (p) => p.old_id);
}

/** Household book number (số sổ hộ khẩu): same book or not. */
export function householdBookComparison(): Comparison<Pick<PersonValues, 'household_book_no'>, string | null> {
  return codeComparison('household_book', label('số sổ hộ khẩu', 'household book'), (p) => p.household_book_no, 0.6, 0.001);
}

/** Ethnicity by its code when both have one, else by the folded name (Mèo/H'Mông were already mapped to Mông). */
export function ethnicityComparison(): Comparison<Pick<PersonValues, 'ethnicity' | 'ethnicity_code'>, string | null> {
  return codeComparison('ethnicity', label('dân tộc', 'ethnicity'), (p) => (p.ethnicity ? foldKey(p.ethnicity) : p.ethnicity_code), 0.97, 0.7);
}

interface AddressFeatures {
  fold: string;
  /** The address's distinct words, sorted. */
  tokens: readonly string[];
  hamlet: string | null;
  book: string | null;
}

/**
 * Address: null; same address (without diacritics); most words shared (same commune, written differently or
 * shortened); same hamlet only; else. People move, so "else" is a mild negative after training.
 *
 * @example
 * // 'Thôn 3, xã Tân Lập, huyện Đan Phượng' vs 'thon 3 xa tan lap dan phuong' → 'similar'
 */
export function addressComparison(): Comparison<Pick<PersonValues, 'address_text' | 'hamlet' | 'household_book_no'>, AddressFeatures | null> {
  const f = label('địa chỉ', 'address');
  return {
    name: 'address',
    label: f,
    prepare: (p) => {
      if (!p.address_text && !p.hamlet) return null;
      const { fold, tokens } = addressWords(p.address_text ?? '');
      return { fold, tokens, hamlet: p.hamlet ? foldKey(p.hamlet) : null, book: p.household_book_no ?? null };
    },
    levels: [
      nullLevel(f),
      // Members of one book share its address: the book comparison already counts that evidence, once.
      {
        key: 'same_book', isNull: true, label: label('cùng sổ hộ khẩu (địa chỉ đã tính)', 'same book (address counted there)'),
        m: 1, u: 1, test: (a, b) => a!.book !== null && a!.book === b!.book,
      },
      { key: 'exact', label: label('cùng địa chỉ', 'same address'), m: 0.6, u: 0.01, test: (a, b) => a!.fold !== '' && a!.fold === b!.fold },
      // Words, not characters: Jaro–Winkler on whole addresses put two communes of one province at ≥ 0.9 ("bản Pú Đao,
      // xã Chà Nưa, huyện Nậm Pồ" ~ "bản Pa Sáng, xã Huổi Mí, huyện Mường Chà": 0.90), and was a fifth of matching time.
      { key: 'similar', label: label('địa chỉ gần giống', 'similar address'), m: 0.2, u: 0.02, test: (a, b) => a!.fold !== '' && b!.fold !== '' && overlap(a!.tokens, b!.tokens) >= 0.6 },
      { key: 'hamlet', label: label('cùng thôn/xóm/tổ', 'same hamlet'), m: 0.05, u: 0.02, test: (a, b) => a!.hamlet !== null && a!.hamlet === b!.hamlet },
      { key: 'else', label: label('địa chỉ khác', 'address differs'), m: 0.15, u: 0.95 },
    ],
  };
}

/** Folded addresses by their text: a commune's persons share a few thousand texts (a 1M registry: 14% distinct). */
const wordsOfAddress = new Map<string, Pick<AddressFeatures, 'fold' | 'tokens'>>();
const MAX_REMEMBERED_ADDRESSES = 50_000;

/** An address's folded text and its distinct words, remembered by text. */
function addressWords(text: string): Pick<AddressFeatures, 'fold' | 'tokens'> {
  let words = wordsOfAddress.get(text);
  if (!words) {
    const all = foldKey(text).split(/[\s,.;]+/).filter((t) => t !== '');
    words = { fold: all.join(' '), tokens: [...new Set(all)].sort() };
    if (wordsOfAddress.size >= MAX_REMEMBERED_ADDRESSES) wordsOfAddress.clear();
    wordsOfAddress.set(text, words);
  }
  return words;
}

/** Share of words in common, relative to the shorter address (one side often omits district and province); sorted words. */
function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / Math.min(a.length, b.length);
}

type OtherNameFields = NameFields & Pick<PersonValues, 'other_name'>;

interface OtherNameFeatures {
  name: string | null;
  others: readonly string[];
}

/**
 * Other name (tên gọi khác): null when neither record has one; one's other name is the other's name (or both
 * other names equal); else.
 *
 * @example
 * // { full_name: 'Nguyễn Thị Lan', other_name: 'Nguyễn Thị Mơ' } vs { full_name: 'Nguyen Thi Mo' } → 'cross'
 */
export function otherNameComparison(): Comparison<OtherNameFields, OtherNameFeatures> {
  const f = label('tên gọi khác', 'other name');
  return {
    name: 'other_name',
    label: f,
    prepare: (p) => ({
      name: nameFeatures(p)?.fold ?? null,
      others: (p.other_name ?? '').split(/[,;/]|\s+-\s+/).map((s) => foldKey(s)).filter((s) => s !== ''),
    }),
    levels: [
      { key: 'null', isNull: true, label: label('không có tên gọi khác', 'no other name'), m: 1, u: 1, test: (a, b) => a.others.length === 0 && b.others.length === 0 },
      {
        key: 'cross',
        label: label('tên gọi khác trùng họ tên bên kia', "other name equals the other's name"),
        m: 0.3,
        u: 0.0005,
        // Two people of one name say nothing through an other name equal to it (namesakes would look alike).
        test: (a, b) => a.name !== b.name && ((b.name !== null && a.others.includes(b.name)) || (a.name !== null && b.others.includes(a.name))),
      },
      {
        // Both carry the same other name: weaker, other names (Lù Piếng, A Páo) are shared by many.
        key: 'shared',
        label: label('cùng tên gọi khác', 'same other name'),
        m: 0.1,
        u: 0.005,
        test: (a, b) => a.others.some((o) => b.others.includes(o)),
      },
      { key: 'else', label: label('tên gọi khác không khớp', 'other name does not match'), m: 0.7, u: 0.9995 },
    ],
  };
}
