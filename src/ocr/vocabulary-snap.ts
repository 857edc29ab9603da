import type { RawField } from '../ingest/source-record.js';
import { boundedEditDistance } from '../normalize/address/edit-distance.js';
import { normalizeEthnicity } from '../normalize/ethnicity.js';
import type { Normalized } from '../normalize/issue.js';
import { normalizeRelation } from '../normalize/relation.js';
import { normalizeSex } from '../normalize/sex.js';
import { foldKey, isVietnameseSyllable, toneKey } from '../normalize/vietnamese-text.js';
import { isOpenVocabulary, vocabularyOf, type VocabularyEntry } from './field-vocabularies.js';

/**
 * The value of a closed list (sex, nationality, ethnicity, relation, religion) an OCR misreading most likely
 * stands for: "Mam" → Nam, "Việc Nam" → Việt Nam, "Xinh" → Kinh, "Cơn" → Con; and the usual occupation a reading
 * that is no Vietnamese stands for ("Huzu trí" → Hưu trí). Only a clear nearest value is
 * suggested: letters compared without diacritics, a few edits allowed by the value's length, and no other
 * value as close. The caller still sends the field to review: the suggestion is what the page most likely
 * says, not what it was read as.
 */

interface Spelling {
  value: string;
  /** Letters only, no diacritics: what the distance is measured on. */
  folded: string;
  /** Words with diacritics (tone placement ignored): an exact spelling needs no suggestion ("Trẻem" does). */
  toned: string;
}

const lettersOnly = (text: string): string => text.replace(/[^\p{L}]/gu, '');
const words = (text: string): string => text.replace(/[^\p{L}]+/gu, ' ').trim();

function spellingsOf(entries: readonly VocabularyEntry[]): Spelling[] {
  return entries.flatMap((e) => e.spellings.map((s) => ({ value: e.value, folded: lettersOnly(foldKey(s)), toned: words(toneKey(s)) })));
}

const cache = new Map<RawField, Spelling[]>();

/**
 * @example
 * snapToVocabulary('sex', 'Mam');              // 'Nam'
 * snapToVocabulary('nationality', 'Việc Nam'); // 'Việt Nam'
 * snapToVocabulary('ethnicity', 'Thái');       // null (already a value)
 * snapToVocabulary('relation_to_head', 'V');   // null (Vợ or U, the other name of Mẹ: no clear value)
 */
export function snapToVocabulary(field: RawField, text: string): string | null {
  const spellings = spellingsFor(field);
  if (spellings === undefined) return null;
  const folded = lettersOnly(foldKey(text));
  if (folded === '') return null;
  const toned = words(toneKey(text));
  if (isListedSpelling(spellings, toned) || acceptedAsWritten(field, text)) return null;
  // An open field's reading may be an occupation nobody listed: only one letter from a usual one ("Cổng nhân",
  // "Làm mương"), or no Vietnamese at all, is taken for a misreading.
  const readsAsVietnamese = isOpenVocabulary(field) && toned.split(' ').every((w) => w.length === 1 || isVietnameseSyllable(w));

  // Nearest value by edits without diacritics, then with them ("ông" is one edit from Mông and from Cống, but
  // its marks are Mông's); a value's best spelling counts. Values equally near give no suggestion.
  const best = new Map<string, [number, number]>();
  for (const s of spellings) {
    const max = readsAsVietnamese ? 1 : allowedEdits(s.folded.length);
    const d = boundedEditDistance(folded, s.folded, max);
    if (d > max) continue;
    const marks = boundedEditDistance(toned.replace(/ /g, ''), s.toned.replace(/ /g, ''), 2 * max + 2);
    const earlier = best.get(s.value);
    if (earlier === undefined || d < earlier[0] || (d === earlier[0] && marks < earlier[1])) best.set(s.value, [d, marks]);
  }
  const ranked = [...best].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]);
  if (ranked.length === 0) return isOpenVocabulary(field) ? null : leadingValue(toned, spellings);
  if (ranked.length > 1 && ranked[1][1][0] === ranked[0][1][0] && ranked[1][1][1] === ranked[0][1][1]) return null;
  return ranked[0][0];
}

/**
 * Whether a reading is one of the field's values as written (any listed spelling, tone placement aside, or one
 * the field's normalizer accepts cleanly); false for fields without a list.
 *
 * @example
 * isListedValue('relation_to_head', 'Chủ hộ'); // true
 * isListedValue('relation_to_head', 'hộ');     // false
 * isListedValue('occupation', 'Tự do');        // true (a usual occupation)
 */
export function isListedValue(field: RawField, text: string): boolean {
  const spellings = spellingsFor(field);
  return spellings !== undefined && (isListedSpelling(spellings, words(toneKey(text))) || acceptedAsWritten(field, text));
}

function isListedSpelling(spellings: readonly Spelling[], toned: string): boolean {
  return spellings.some((s) => s.toned === toned);
}

function spellingsFor(field: RawField): Spelling[] | undefined {
  const entries = vocabularyOf(field);
  if (entries === undefined) return undefined;
  let spellings = cache.get(field);
  if (spellings === undefined) cache.set(field, (spellings = spellingsOf(entries)));
  return spellings;
}

/**
 * The value the reading starts with, when the rest is another field's words that ran on ("Nam Dântộcc Mông":
 * the label Dân tộc misread, so sex got the ethnicity too); the longest value wins, null when none.
 */
function leadingValue(toned: string, spellings: readonly Spelling[]): string | null {
  const parts = toned.split(' ');
  for (let k = parts.length - 1; k >= 1; k--) {
    const head = parts.slice(0, k).join(' ');
    const found = spellings.find((s) => s.toned === head);
    if (found !== undefined) return found.value;
  }
  return null;
}

/** Normalizers that know more spellings than the list ("Mèo", "Con thứ 2"): what they accept cleanly stays. */
const NORMALIZERS: Partial<Record<RawField, (text: string) => Normalized<unknown>>> = {
  sex: normalizeSex,
  ethnicity: normalizeEthnicity,
  relation_to_head: normalizeRelation,
};

function acceptedAsWritten(field: RawField, text: string): boolean {
  const normalize = NORMALIZERS[field];
  if (normalize === undefined) return false;
  const { value, issues } = normalize(text);
  return value !== null && issues.length === 0;
}

/** Short values tolerate one misread letter, longer ones two or three ("Vi Nam", "xơ Mú"). */
function allowedEdits(length: number): number {
  if (length <= 3) return 1;
  if (length <= 8) return 2;
  return 3;
}
