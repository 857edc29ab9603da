import { describe, it, expect } from 'vitest';
import {
  convertLegacyText,
  detectLegacyEncoding,
  repairLegacyDocument,
  repairLegacyText,
} from './legacy-encoding.js';
import type { LegacyEncoding } from './legacy-encoding.js';
import { VIETNAMESE_LETTERS } from './legacy-encoding-tables.js';
import { isVietnameseSyllable } from './legacy-syllable.js';
import { DIEN_BIEN_TEXTS, toTcvn3View, toVniView } from './legacy-test-helpers.js';

const VIEWS: [LegacyEncoding, (t: string) => string][] = [
  ['tcvn3', toTcvn3View],
  ['vni', toVniView],
];

describe('VIETNAMESE_LETTERS', () => {
  it('holds the 134 non-ASCII letters with the README examples', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    const e = VIETNAMESE_LETTERS.find((l) => l.unicode === 'ễ');
    expect(e).toEqual({ unicode: 'ễ', tcvn3: 'Ô', vni: 'eã', cp1258: [0xea, 0xde] });
    expect(VIETNAMESE_LETTERS.find((l) => l.unicode === 'ư')?.tcvn3).toBe('\u00AD');
    expect(VIETNAMESE_LETTERS.find((l) => l.unicode === 'Ơ')?.vni).toBe('Ô');
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    ['Nguyễn', true], ['Pánh', true], ['Giàng', true], ['Ưng', true], ['Thuỷ', true], ['khuya', true],
    ['tách', true], ['Mỷ', true], ['Nguyờịn', false], ['NguyÔn', false], ['tàch', false], ['Dýnh', false],
    ['Café', false], ['Hụtel', false],
  ])('%s → %s', (word, ok) => expect(isVietnameseSyllable(word)).toBe(ok));
});

describe.each(VIEWS)('%s round trip over Điện Biên names and addresses', (encoding, toView) => {
  it.each(DIEN_BIEN_TEXTS)('%s', (text) => {
    const view = toView(text);
    expect(view).not.toBe(text);
    expect(detectLegacyEncoding(view)).toBe(encoding);
    expect(convertLegacyText(view, encoding)).toBe(text);
    expect(repairLegacyText(view)).toBe(text);
  });
});

describe('detectLegacyEncoding on single cells', () => {
  it.each([
    ['NguyÔn V¨n A', 'tcvn3'],
    ['Nguyeãn Vaên A', 'vni'],
    ['M\u00ADêng Ch¶', 'tcvn3'],
    ['Lß', 'tcvn3'],
    ['NGUYEÃN THÒ THUÛY', 'vni'],
    ['NGUYÔN V¡N A', 'tcvn3'],
  ])('%s → %s', (text, expected) => expect(detectLegacyEncoding(text)).toBe(expected));

  it.each([
    'Nguyễn Văn Ánh', 'Lò Thị Ún', 'Hà Nội', 'Thò', 'Võ Thị Sáu', 'Đình', 'Giàng A Páo', 'LÒ VĂN PÁNH',
    'Nguyen Van A', 'Ban Na Ngam', '12/03/1968', '',
    'Café crème à la Hôtel Métropole, François', 'Müller-Lüdenscheidt', 'Noël José', '1½ kg ©2020 ×3',
    'Nguyễn Văn Ánh'.normalize('NFD'),
  ])('%j → null', (text) => expect(detectLegacyEncoding(text)).toBeNull());
});

describe('convertLegacyText capitals', () => {
  it.each([
    // TCVN3 has one byte for ò and Ò: case comes from the word and the cell
    ['NGUYÔN V¡N A', 'NGUYỄN VĂN A'],
    ['Lß V¡N P¸NH', 'LÒ VĂN PÁNH'],
    ['§IÖN BI£N PHñ', 'ĐIỆN BIÊN PHỦ'],
    ['Lß V¨n P¸nh', 'Lò Văn Pánh'],
    ['¸nh', 'ánh'], // a toned capital typed in .VnTime cannot be told from lower case
  ])('tcvn3 %s → %s', (view, expected) => expect(convertLegacyText(view, 'tcvn3')).toBe(expected));

  it('upper-cases text typed in a .VnTimeH font', () => {
    expect(convertLegacyText('lß v¨n p¸nh', 'tcvn3', { capitals: true })).toBe('LÒ VĂN PÁNH');
    expect(convertLegacyText(toTcvn3View('Quàng Thị Ưng, bản Mường Chà'), 'tcvn3', { capitals: true })).toBe(
      'QUÀNG THỊ ƯNG, BẢN MƯỜNG CHÀ',
    );
  });

  it('VNI keeps case and accepts the other case mark byte', () => {
    expect(convertLegacyText(toVniView('LÒ VĂN PÁNH'), 'vni')).toBe('LÒ VĂN PÁNH');
    expect(convertLegacyText('Aù Phuû', 'vni')).toBe('Á Phủ');
    expect(convertLegacyText('Ô Ñ', 'vni')).toBe('Ơ Đ'); // VNI Ô is Ơ
  });
});

describe('repairLegacyText', () => {
  it.each(['Nguyễn Văn Ánh', 'Lò Thị Ún', 'Hà Nội', 'Cầm Thị Hoà', 'Thò'])('leaves Unicode %s alone', (t) =>
    expect(repairLegacyText(t)).toBe(t),
  );
  it('returns NFC for decomposed or Unikey "tổ hợp" input', () => {
    expect(repairLegacyText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(repairLegacyText('Nguy\u00EA\u0303n')).toBe('Nguyễn');
  });
});

describe('repairLegacyDocument', () => {
  it('converts a TCVN3 document under a Unicode header, ambiguous cells following the file', () => {
    const doc = `Họ và tên,Dân tộc,Ghi chú\n${toTcvn3View('Lò Văn Pánh,Thái,')}\n${toTcvn3View('Quàng Thị Ưng,Thái,Lũ')}\n`;
    expect(repairLegacyDocument(doc)).toEqual({
      text: 'Họ và tên,Dân tộc,Ghi chú\nLò Văn Pánh,Thái,\nQuàng Thị Ưng,Thái,Lũ\n',
      encoding: 'tcvn3',
    });
  });

  it('keeps Unicode rows of a mixed file and converts the pasted legacy rows', () => {
    const doc = [
      'Lò Thị Ún\tThái\tĐiện Biên',
      toVniView('Nguyễn Thị Thuỷ\tKinh\tMường Chà'),
      'Giàng A Páo\tMông\tTủa Chùa',
      toVniView('Vừ A Dính\tMông\tNậm Pồ'),
    ].join('\n');
    expect(repairLegacyDocument(doc).text).toBe(
      'Lò Thị Ún\tThái\tĐiện Biên\nNguyễn Thị Thuỷ\tKinh\tMường Chà\nGiàng A Páo\tMông\tTủa Chùa\nVừ A Dính\tMông\tNậm Pồ',
    );
  });

  it('keeps a common word typed in Unicode inside a TCVN3 line ("Thái" is not "Thỏi")', () => {
    const doc = [
      'Họ và tên,Dân tộc,Quan hệ',
      `${toTcvn3View('Lò Văn Pánh')},Thái,${toTcvn3View('Chủ hộ')}`,
      `${toTcvn3View('Quàng Thị Ưng')},${toTcvn3View('Thái')},Vợ`,
      `${toTcvn3View('Lò Văn Hùng')},${toTcvn3View('Thái')},${toTcvn3View('Con')}`,
    ].join('\n');
    expect(repairLegacyDocument(doc).text).toBe(
      'Họ và tên,Dân tộc,Quan hệ\nLò Văn Pánh,Thái,Chủ hộ\nQuàng Thị Ưng,Thái,Vợ\nLò Văn Hùng,Thái,Con',
    );
  });

  it('leaves a Unicode document alone', () => {
    const doc = DIEN_BIEN_TEXTS.join('\n');
    expect(repairLegacyDocument(doc)).toEqual({ text: doc, encoding: null });
  });
});
