import type { RawField, SourceRecord } from './source-record.js';
import { foldHeader } from './header-fold.js';

/** Written only on the head's row (or merged down) in block layouts, so members inherit them. */
const FILLED_FIELDS: readonly RawField[] = [
  'household_book_no', 'household_head', 'address', 'hamlet', 'commune', 'district', 'province',
];

/** True for the head's relation: "Chủ hộ", "CH", "Chủ hộ (đã chết)". */
export function isHeadRelation(value: string | undefined): boolean {
  if (value === undefined) return false;
  const key = foldHeader(value);
  return key === 'ch' || key === 'chu' || /^chu ?ho( |$)/.test(key);
}

/** Book number as a grouping key: the written number without spaces. */
export function bookKey(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * Groups a sheet's records into households and fills the household fields down each block.
 *
 * A block starts at a row whose relation is Chủ hộ, or which has its own book number (or head's name)
 * different from the current block's; the following rows belong to it until the next start. Rows of a
 * block get the block's book number, head and address fields where they have none, and the key
 * `book:<number>` when the block has a number, else `block:<sheet>:<n>` (n from 1). Rows before the
 * first block, or in a sheet with neither relations, book numbers nor heads, get null.
 *
 * @example
 * assignHouseholds([
 *   rec({ full_name: 'Lò Văn Pánh', relation_to_head: 'Chủ hộ', household_book_no: '123' }),
 *   rec({ full_name: 'Lò Thị Ín', relation_to_head: 'Vợ' }),
 * ], 'Sheet1'); // both householdKey 'book:123', the second also gets household_book_no '123'
 */
export function assignHouseholds(records: SourceRecord[], sheet: string | null): SourceRecord[] {
  let blockNo = 0;
  let block: Partial<Record<RawField, string>> | null = null;
  return records.map((rec) => {
    const raw = { ...rec.raw };
    if (block === null || startsBlock(raw, block)) {
      if (startsAny(raw)) {
        blockNo++;
        block = raw;
      }
    } else {
      for (const f of FILLED_FIELDS) {
        if (raw[f] === undefined && block[f] !== undefined) raw[f] = block[f];
      }
    }
    let householdKey: string | null = null;
    if (block !== null) {
      const book = raw.household_book_no !== undefined ? bookKey(raw.household_book_no) : '';
      householdKey = book !== '' ? `book:${book}` : `block:${sheet ?? ''}:${blockNo}`;
    }
    return { ...rec, raw, householdKey };
  });
}

function startsAny(raw: Partial<Record<RawField, string>>): boolean {
  return isHeadRelation(raw.relation_to_head) || raw.household_book_no !== undefined || raw.household_head !== undefined;
}

function startsBlock(raw: Partial<Record<RawField, string>>, block: Partial<Record<RawField, string>>): boolean {
  if (isHeadRelation(raw.relation_to_head)) return true;
  if (raw.household_book_no !== undefined && bookKey(raw.household_book_no) !== bookKey(block.household_book_no ?? '')) {
    return true;
  }
  return raw.household_head !== undefined && foldHeader(raw.household_head) !== foldHeader(block.household_head ?? '');
}
