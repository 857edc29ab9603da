import { describe, expect, it } from 'vitest';
import { guessDigitMisreads } from './digit-misreads.js';

const today = new Date('2026-11-28T00:00:00Z');
const guess = (birthDate: string | null, personalId: string | null, sex: 'M' | 'F' | null = null) =>
  guessDigitMisreads({ birthDate, personalId, sex }, today);

describe('guessDigitMisreads', () => {
  it.each([
    ['7963', '1963'],
    ['27/04/7963', '27/04/1963'],
    ['24/70/1998', '24/10/1998'],
    ['06/77/1985', '06/11/1985'],
    ['37/10/1995', '31/10/1995'],
    ['28/06/984', '28/06/1984'],
    ['994', '1994'],
    ['013', '2013'],
    ['2077', '2017'], // 2071 is still to come
    ['02/7987', '02/1987'],
  ])('an impossible date %s is repaired to %s', (read, expected) => {
    expect(guess(read, null).birthDate).toBe(expected);
  });

  it.each([
    ['27/04/1963'], // possible as read: 27 and 21 cannot be told apart
    ['1977'],
    ['24/09/2008'],
    ['ngày 12 tháng 3 năm 1985'],
    ['7777'], // every repair is a year before 1880
    ['99/99/9999'],
  ])('%s is left alone', (read) => {
    expect(guess(read, null).birthDate).toBeNull();
  });

  it('repairs the ID prefix a "1" read as "7" made unknown, and the date with it', () => {
    expect(guess('27/04/7963', '071063841712', 'M')).toEqual({ birthDate: '27/04/1963', personalId: '011063841712', sex: null });
  });

  it('lets the ID choose between date repairs, and the date between ID repairs', () => {
    // 7967 → 1967 alone (fewest changes); the ID says 1961.
    expect(guess('7967', '011161001234', 'F')).toMatchObject({ birthDate: '1961', personalId: null });
    // 071 is no province: 011 is, and its year 56 agrees with the date.
    expect(guess('1956', '071056406182', 'M')).toMatchObject({ personalId: '011056406182' });
  });

  it("prefers the book's own province to a far one a misread digit would make", () => {
    const read = { birthDate: '1956', personalId: '077056406182', sex: 'M' as const };
    expect(guessDigitMisreads(read, today).personalId).toBeNull(); // 077 (Bà Rịa – Vũng Tàu) agrees as read
    expect(guessDigitMisreads(read, today, '11').personalId).toBe('011056406182'); // a book of Điện Biên (011)
    expect(guessDigitMisreads({ ...read, personalId: '079056406182' }, today, '11').personalId).toBeNull(); // no repair of its 7 and 9 gives 011
    expect(guessDigitMisreads({ ...read, personalId: '011056406182' }, today, '11').personalId).toBeNull();
  });

  it('repairs an impossible ID prefix even when the date disagrees with every repair', () => {
    // The date is misread too (2017 for 2011): the ID still gets its one repair, the date stays as read.
    expect(guess('29/05/2017', '071211631268', 'M')).toEqual({ birthDate: null, personalId: '011211631268', sex: null });
  });

  it('reads a "/" inside an ID as the "1" it was', () => {
    expect(guess('1985', '0/1185524483', 'F').personalId).toBe('011185524483');
  });

  it('never touches the random last six digits', () => {
    // A consistent prefix with a 7 in the tail: nothing to repair.
    expect(guess('1963', '011063847712', 'M')).toEqual({ birthDate: null, personalId: null, sex: null });
  });

  it('takes the sex from a repaired ID when the page gave none', () => {
    expect(guess('1963', '071163841712', null)).toEqual({ birthDate: null, personalId: '011163841712', sex: 'F' });
  });

  it('gives no ID repair when the sex contradicts every repair', () => {
    expect(guess('1963', '071163841712', 'M').personalId).toBeNull();
  });
});

describe('guessDigitMisreads with a 0 read as 9', () => {
  it.each([
    ['94/09/2008', '04/09/2008'],
    ['94/71/2014', '04/11/2014'],
  ])('%s → %s', (read, expected) => {
    expect(guess(read, null).birthDate).toBe(expected);
  });
});
