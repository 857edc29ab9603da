import { describe, expect, it } from 'vitest';
import { guessIssue, guessMisreads, hamletUnitGuess } from './misread-guesses.js';
import { placeNameIndex } from './place-snap.js';
import { BookFamilyNames } from './book-family-names.js';

const places = placeNameIndex(['Điện Biên', 'Tủa Chùa', 'Huổi Só', 'Mường Nhé'].map((name) => ({ name })));
const context = { today: new Date('2026-11-28T00:00:00Z'), places };

describe('guessMisreads', () => {
  it('replaces impossible readings with what the page most likely says, and lists each guess', () => {
    const { raw, guesses } = guessMisreads(
      { full_name: 'Lò Văn Pánh', sex: 'Mam', nationality: 'Việc Nam', ethnicity: 'Xinh', birth_date: '27/04/7963', personal_id: '071063841712', native_place: 'Huối Só, Túa Chùa, Điện Biên' },
      context,
    );
    expect(raw).toEqual({
      full_name: 'Lò Văn Pánh', sex: 'Nam', nationality: 'Việt Nam', ethnicity: 'Kinh', birth_date: '27/04/1963', personal_id: '011063841712', native_place: 'Huổi Só, Tủa Chùa, Điện Biên',
    });
    expect(guesses.map((g) => [g.field, g.read])).toEqual([
      ['sex', 'Mam'], ['nationality', 'Việc Nam'], ['ethnicity', 'Xinh'], ['birth_date', '27/04/7963'], ['personal_id', '071063841712'], ['native_place', 'Huối Só, Túa Chùa, Điện Biên'],
    ]);
  });

  it('brings an occupation that is no Vietnamese to the usual one, and leaves an unusual real one', () => {
    expect(guessMisreads({ occupation: 'Huzu trí' }, context).raw.occupation).toBe('Hưu trí');
    expect(guessMisreads({ occupation: 'Thợ sửa xe' }, context).guesses).toEqual([]);
  });

  it('reads an address printed in labelled parts as one, each part among the units of the next', () => {
    const tree = placeNameIndex([
      { name: 'Điện Biên' }, { name: 'Tủa Chùa', parentName: 'Điện Biên' }, { name: 'Tủa Thàng', parentName: 'Tủa Chùa' },
      { name: 'Na Thàng', parentName: 'Lào Cai' }, { name: 'Pa Thàng', parentName: 'Lai Châu' },
    ]);
    const { raw } = guessMisreads({ commune: 'Ta Thàng', district: 'Ta Chùa', province: 'Điện Biên' }, { ...context, places: tree });
    expect(raw).toEqual({ commune: 'Tủa Thàng', district: 'Tủa Chùa', province: 'Điện Biên' });
  });

  it('puts back the unit word a hamlet entry starts with, misread in its marks or in one letter', () => {
    expect(guessMisreads({ hamlet: 'Đán Na Ngám' }, context)).toEqual({
      raw: { hamlet: 'Bản Na Ngám' }, guesses: [{ field: 'hamlet', read: 'Đán Na Ngám', guess: 'Bản Na Ngám', from: 'nearest' }],
    });
    expect(hamletUnitGuess('Bán Na Ngám')).toBe('Bản Na Ngám');
    expect(hamletUnitGuess('Tố 13')).toBe('Tổ 13');
    expect(hamletUnitGuess('ĐBản Huổi Hốc')).toBe('Bản Huổi Hốc');
    // The italic T read as 7, the 1s as slashes, the space lost.
    expect(hamletUnitGuess('7ổ/4')).toBe('Tổ 14');
    expect(hamletUnitGuess('7ổ13')).toBe('Tổ 13');
    expect(hamletUnitGuess('7Tổ/4')).toBe('Tổ 14');
    expect(hamletUnitGuess('Tổ/3')).toBe('Tổ 13');
    expect(hamletUnitGuess('7hôn 2')).toBe('Thôn 2');
    expect(hamletUnitGuess('7ổ7J3')).toBeNull(); // not only 1s misread: nothing to say
    // Already a unit word, no unit word at all, or a word near none (or near a regional one only): left alone.
    for (const hamlet of ['Bản Na Ngám', 'Thôn 1', 'Tổ 13', 'Na Ngám', 'Huổi Hốc', 'Con Tô', 'Tổ']) expect(hamletUnitGuess(hamlet)).toBeNull();
  });

  it("takes the book's family name for a name read unsure a mark or a letter from it, and only then", () => {
    const bookFamilyNames = new BookFamilyNames();
    bookFamilyNames.add('Quàng Văn Pấng');
    const unsure = guessMisreads({ full_name: 'Quảng Thị Ngọc', other_name: 'Quờng Thị Ngọc' }, { ...context, bookFamilyNames, confidence: { full_name: 0.5, other_name: 0.78 } });
    expect(unsure.raw).toMatchObject({ full_name: 'Quàng Thị Ngọc', other_name: 'Quàng Thị Ngọc' });
    const guess = unsure.guesses.find((g) => g.field === 'full_name')!;
    expect(guess).toEqual({ field: 'full_name', read: 'Quảng Thị Ngọc', guess: 'Quàng Thị Ngọc', from: 'book_family' });
    expect(guessIssue(guess).message).toContain('họ của các nhân khẩu khác trong sổ');
    const sure = guessMisreads({ full_name: 'Quảng Thị Ngọc', sex: 'Nữ' }, { ...context, bookFamilyNames, confidence: { full_name: 0.93 } });
    expect(sure.guesses).toEqual([]);
  });

  it('leaves a record that reads well untouched', () => {
    const raw = { full_name: 'Lò Văn Pánh', sex: 'Nam', nationality: 'Việt Nam', ethnicity: 'Thái', birth_date: '12/03/1968', personal_id: '011068001234', birthplace: 'Mường Nhé, Điện Biên' };
    expect(guessMisreads(raw, context)).toEqual({ raw, guesses: [] });
  });

  it.each([
    [{ sex: 'XŒ', relation_to_head: 'Vợ', full_name: 'Lò Văn Mai' }, 'Nữ', 'quan hệ'],
    [{ sex: 'Xi', relation_to_head: 'Con', full_name: 'Lò Thị Mai' }, 'Nữ', 'tên đệm'],
    [{ relation_to_head: 'Con', full_name: 'Quàng Văn Pấng' }, 'Nam', 'tên đệm'],
  ])('takes an unreadable sex from the relation or the middle name: %o', (raw, sex, said) => {
    const { raw: out, guesses } = guessMisreads(raw, context);
    expect(out.sex).toBe(sex);
    expect(guessIssue(guesses[0]).message).toContain(said);
  });

  it('leaves a readable sex alone whatever the name says', () => {
    expect(guessMisreads({ sex: 'Nam', full_name: 'Lò Thị Mai' }, context).guesses).toEqual([]);
  });

  it('takes the book number from the file name when the page read differs only by misread digits', () => {
    expect(guessMisreads({ household_book_no: '732546908' }, { ...context, bookInName: '132546908' }).raw.household_book_no).toBe('132546908');
    expect(guessMisreads({ household_book_no: '432546908' }, { ...context, bookInName: '132546908' }).guesses).toEqual([]);
    // One digit lost or added besides, too; not two, and not in a short number.
    expect(guessMisreads({ household_book_no: '48339' }, { ...context, bookInName: '483391' }).raw.household_book_no).toBe('483391');
    expect(guessMisreads({ household_book_no: '399290734' }, { ...context, bookInName: '39929134' }).raw.household_book_no).toBe('39929134');
    expect(guessMisreads({ household_book_no: '4833' }, { ...context, bookInName: '483391' }).guesses).toEqual([]);
    expect(guessMisreads({ household_book_no: '3992907345' }, { ...context, bookInName: '39929134' }).guesses).toEqual([]);
    expect(guessMisreads({ household_book_no: '1234' }, { ...context, bookInName: '12345' }).guesses).toEqual([]);
  });

  it('repairs a personal ID printed under the CMND label', () => {
    expect(guessMisreads({ birth_date: '2013', id_any: '071313688040' }, context).raw.id_any).toBe('011313688040');
    expect(guessMisreads({ birth_date: '1986', id_any: '047286162' }, context).guesses).toEqual([]); // a CMND: not repaired
  });

  it('takes an unreadable sex from the personal ID, and says so', () => {
    const { raw, guesses } = guessMisreads({ sex: 'WZ', birth_date: '1968', personal_id: '011168001234' }, context);
    expect(raw.sex).toBe('Nữ');
    expect(guessIssue(guesses[0])).toMatchObject({ field: 'sex', code: 'ocr_value_guessed', severity: 'review' });
    expect(guessIssue(guesses[0]).message).toContain('số định danh');
  });
});
