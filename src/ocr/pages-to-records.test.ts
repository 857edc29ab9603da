import { describe, expect, it } from 'vitest';
import type { FieldReading, PageReading } from './ocr-types.js';
import { bookNumberInName, pagesToRecords } from './pages-to-records.js';

function field(field: FieldReading['field'], text: string, confidence = 0.95): FieldReading {
  return { field, text, ocrText: text, confidence, bbox: { x0: 10, y0: 20, x1: 300, y1: 60 } };
}
const householdPage: PageReading = {
  kind: 'household',
  fields: [field('household_book_no', '110234567'), field('household_head', 'Lò Văn Pánh'), field('address', 'Bản Noong Bua, xã Thanh Minh')],
  labelled: ['household_book_no', 'household_head', 'address'],
};
function memberPage(name: string, relation: string): PageReading {
  return {
    kind: 'member',
    fields: [field('full_name', name, 0.91), field('relation_to_head', relation), field('birth_date', '12/03/1985'), field('sex', 'Nữ'), field('ethnicity', 'Thái'), field('nationality', 'Việt Nam'),
      field('birthplace', 'Xã Thanh Xương, Điện Biên'), field('native_place', 'Điện Biên')],
    labelled: ['full_name', 'relation_to_head', 'birth_date', 'sex', 'ethnicity', 'other_name', 'birthplace', 'native_place', 'religion', 'nationality', 'id_any'],
  };
}

describe('pagesToRecords', () => {
  it('gives each member page the household page before it', () => {
    const result = pagesToRecords(
      [
        { page: 1, reading: householdPage },
        { page: 2, reading: memberPage('Lò Văn Pánh', 'Chủ hộ') },
        { page: 3, reading: memberPage('Lò Thị Xuân', 'Vợ') },
      ],
      'so-ho-khau.pdf',
      'inbox',
    );
    expect(result.records.map((r) => [r.source.locator.page, r.source.raw.full_name, r.source.raw.household_book_no, r.source.householdKey]))
      .toEqual([[2, 'Lò Văn Pánh', '110234567', 'book:110234567'], [3, 'Lò Thị Xuân', '110234567', 'book:110234567']]);
    expect(result.records[1].source.confidence.full_name).toBe(0.91);
    expect(result.records[1].regions.address?.page).toBe(1);
    expect(result.records[1].regions.full_name?.page).toBe(3);
  });

  it('carries the household the previous file of the book ended with, and hands on its own last household', () => {
    const first = pagesToRecords([{ page: 1, reading: householdPage }], 'trang-01.png', 'so-110234567');
    expect(first.records).toEqual([]);
    expect(first.householdsWithoutMembers).toEqual([]);
    const second = pagesToRecords([{ page: 1, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'trang-02.png', 'so-110234567', first.lastHousehold);
    expect(second.records[0].source.raw).toMatchObject({ full_name: 'Lò Thị Xuân', address: 'Bản Noong Bua, xã Thanh Minh' });
    expect(second.records[0].source.raw.household_head).toBeUndefined();
    expect(second.records[0].regions.address?.page).toBeNull();
    expect(second.records[0].regions.full_name?.page).toBe(1);
    expect(second.lastHousehold).toBe(first.lastHousehold);
  });

  it('reports pages it does not recognise and household pages with no members', () => {
    const result = pagesToRecords(
      [{ page: 1, reading: { kind: 'other', fields: [], labelled: [] } }, { page: 2, reading: householdPage }, { page: 3, reading: householdPage }, { page: 4, reading: memberPage('Giàng A Páo', 'Con') }],
      'book.tiff',
      'inbox',
    );
    expect(result.otherPages).toEqual([1]);
    expect(result.householdsWithoutMembers).toEqual([2]);
    expect(result.records).toHaveLength(1);
  });

  it('takes the book number of a loose member page from its file or folder name', () => {
    const loose = pagesToRecords([{ page: 1, reading: memberPage('Vừ Thị Mỷ', 'Con') }], 'trang-3.jpg', '110998877');
    expect(loose.records[0].source.raw.household_book_no).toBe('110998877');
    expect(loose.records[0].source.householdKey).toBe('book:110998877');
    const unknown = pagesToRecords([{ page: 1, reading: memberPage('Vừ Thị Mỷ', 'Con') }], 'scan.jpg', 'inbox');
    expect(unknown.records[0].source.householdKey).toBeNull();
  });

  it('names the fields every member page has that this page did not yield, and why', () => {
    const page: PageReading = {
      kind: 'member',
      fields: [field('full_name', 'Lò Thị Xuân'), field('relation_to_head', 'Vợ')],
      labelled: ['full_name', 'relation_to_head', 'birth_date', 'ethnicity'],
    };
    const [record] = pagesToRecords([{ page: 4, reading: page }], 'so-110234567.pdf', 'inbox').records;
    expect(record.missing).toEqual([
      { field: 'birth_date', lost: 'entry' }, { field: 'sex', lost: 'label' }, { field: 'ethnicity', lost: 'entry' },
      { field: 'nationality', lost: 'label' }, { field: 'birthplace', lost: 'label' }, { field: 'native_place', lost: 'label' },
      { field: 'other_name', lost: 'label' }, { field: 'religion', lost: 'label' },
      { field: 'personal_id', lost: 'label' },
    ]);
    const noAddress: PageReading = { kind: 'household', fields: [field('household_book_no', '110234567')], labelled: ['household_book_no'] };
    const [member] = pagesToRecords([{ page: 1, reading: noAddress }, { page: 2, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'a.pdf', 'inbox').records;
    expect(member.missing).toEqual([{ field: 'address', lost: 'label' }]);
    // A birthplace label with nothing read after it: the books always fill it, OCR lost it.
    const noBirthplace = memberPage('Lò Thị Xuân', 'Vợ');
    noBirthplace.fields = noBirthplace.fields.filter((f) => f.field !== 'birthplace');
    expect(pagesToRecords([{ page: 1, reading: noBirthplace }], 'a.png', 'inbox').records[0].missing).toEqual([{ field: 'birthplace', lost: 'entry' }]);
    // A hamlet label with nothing read after it: OCR lost the entry (a blank house number is normal).
    const blankHamlet: PageReading = {
      kind: 'household', fields: [field('household_book_no', '110234567'), field('commune', 'Thanh Xương')],
      labelled: ['household_book_no', 'address', 'hamlet', 'commune'],
    };
    const [inBlank] = pagesToRecords([{ page: 1, reading: blankHamlet }, { page: 2, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'a.pdf', 'inbox').records;
    expect(inBlank.missing).toEqual([{ field: 'hamlet', lost: 'entry' }]);
    const unread = pagesToRecords([{ page: 1, reading: { kind: 'other', fields: [], labelled: [] } }, { page: 2, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'so-110234567.pdf', 'inbox');
    expect(unread.records[0].missing).toEqual([{ field: 'address', lost: 'label' }]); // the book number is in the name
    expect(pagesToRecords([{ page: 1, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'a.png', 'inbox').records[0].missing).toEqual([]);
  });
});

describe('pagesToRecords: book number in the name', () => {
  it('keeps the number read on the page and names the file\'s when they differ', () => {
    const [same] = pagesToRecords([{ page: 1, reading: householdPage }, { page: 2, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'so-110234567.pdf', 'inbox').records;
    expect(same.bookInName).toBeNull();
    const [differs] = pagesToRecords([{ page: 1, reading: householdPage }, { page: 2, reading: memberPage('Lò Thị Xuân', 'Vợ') }], 'so-110234561.pdf', 'inbox').records;
    expect(differs.source.raw.household_book_no).toBe('110234567');
    expect(differs.bookInName).toBe('110234561');
  });
});

describe('bookNumberInName', () => {
  it.each([
    ['so-110234567-trang-3.jpg', '110234567'],
    ['HK_0456789.png', '0456789'],
    ['scan-20240312.pdf', null],
    ['scan-20240312-so-556677.pdf', '556677'],
    ['trang 12.png', null],
  ])('%s → %s', (name, expected) => expect(bookNumberInName(name)).toBe(expected));
});
