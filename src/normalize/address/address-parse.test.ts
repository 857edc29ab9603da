import { describe, it, expect } from 'vitest';
import { addressParser } from './address-parse.js';
import { segmentAddress } from './address-segments.js';
import { tokenizeAddress } from './address-tokens.js';

// A small stand-in for the gazetteer's keys: enough for the cuts and the "continues a known name" rule.
const KNOWN = new Set(['thanhxuong', 'dienbien', 'dienbienphu', 'noongbua', 'himlam', 'muongphang', 'bariavungtau', 'dongphuong', 'thanhhung']);
const known = (k: string) => KNOWN.has(k);
const whole = (text: string) => segmentAddress(tokenizeAddress(text), known);

describe('addressParser: part by part gives what the whole text gives', () => {
  it.each([
    'Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên',
    'Tổ 5, phường Him Lam',
    'thôn 3 xã Thanh Xương',
    'Xã Mường Phăng - H. Điện Biên',
    // A unit word just before a comma still has a name after it in the whole text.
    'Bản, Xã Thanh Xương',
    'Xã, Thanh Xương, Điện Biên',
    'Thanh Xương, Huyện',
    // A full stop right after a comma marks the word before it.
    'TP,. Điện Biên Phủ',
    'Tổ,. P. Him Lam',
    'Xã Thanh Xương ,  . Điện Biên',
    // Dashes after a comma do not make the break soft; empty parts and brackets.
    'Xã Thanh Xương, - Điện Biên',
    ', , Tổ 5 ;; (P. Him Lam) | TP ĐBP +',
    'Ba Rịa - Vũng Tàu; Bà Rịa – Vũng Tàu',
    'dong phuong, phuong Him Lam',
    // TCVN3 residue in one part decides the folding of all of them.
    'X· Thanh X\u00AD\u00ACng, H. §iÖn Biªn',
    'Khèi 7, X· Thanh H\u00ADng',
    'P.01, Q.3, TP.HCM',
    '   ',
  ])('%j', (text) => {
    const parse = addressParser(known);
    expect(parse(text)).toEqual(whole(text));
    // Second time from the part cache, and after other texts filled it.
    parse('Bản Noong Bua, Xã, TP.');
    expect(parse(text)).toEqual(whole(text));
  });
});
