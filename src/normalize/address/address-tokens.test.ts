import { describe, it, expect } from 'vitest';
import { tokenizeAddress, tokenizeByRegex, tokenizeCleaned, cleanAddressText } from './address-tokens.js';

describe('tokenizeCleaned: the character scan gives what the regex gives', () => {
  it.each([
    'Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên',
    'Xã Mường Phăng - H. Điện Biên',
    'Ba Rịa – Vũng Tàu; Bà Rịa—Vũng Tàu / TP.HCM \\ Q.3',
    "Buôn K'Dang, xã Ea Kao, TP. Buôn Ma Thuột",
    'Buôn K’Dang (xã Ea Kao) | TP ĐBP + P01',
    'TP,. Điện Biên Phủ .. Tổ 5.',
    'Thôn 3 ,  - Xã  Thanh Xương',
    '#12 @ Phố Huế * Hà Nội',
    'Nguye\u0302\u0303n Văn A', // combining marks are word characters
    'Ｘã Thanh Xương', // fullwidth letter: past the table, the regex decides
    '𝐗ã Thanh Xương', // astral letter
    '',
  ])('%j', (text) => {
    for (const opening of [null, 'hard', 'soft'] as const) expect(tokenizeCleaned(text, opening)).toEqual(tokenizeByRegex(text, opening));
  });

  it('classifies every character below U+3000 as the regex does', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x3000; c++) {
      const text = `Xã A${String.fromCharCode(c)}B, ${String.fromCharCode(c)}Huyện C`;
      if (JSON.stringify(tokenizeCleaned(text, null)) !== JSON.stringify(tokenizeByRegex(text, null))) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('tokenizeAddress', () => {
  it.each([
    ['TP.ĐBP', ['tp', 'dien', 'bien', 'phu'], [true, false, false, false]],
    ['P.01, Q.3', ['p', '1', 'q', '3'], [true, false, true, false]],
    ['Xã Thanh-Xương', ['xa', 'thanh', 'xuong'], [false, false, false]],
  ])('%j', (text, keys, dots) => {
    const tokens = tokenizeAddress(text);
    expect(tokens.map((t) => t.key)).toEqual(keys);
    expect(tokens.map((t) => t.dot)).toEqual(dots);
  });

  it('marks the breaks: hard after a comma, soft after a dash, none inside a name', () => {
    expect(tokenizeAddress(cleanAddressText('Tổ 5, P. Him Lam - ĐBP')).map((t) => t.brk)).toEqual([null, null, 'hard', null, null, 'soft', null, null]);
  });
});
