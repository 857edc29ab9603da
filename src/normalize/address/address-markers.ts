/**
 * Unit words clerks write before a name, as folded word sequences, with the level they announce and the
 * type the lists use. Longest first, so "thi xa" wins over "thi" and "to dan pho" over "to".
 */
export type MarkerLevel = 'hamlet' | 'commune' | 'district' | 'city' | 'province';

export interface Marker {
  words: string[];
  level: MarkerLevel;
  /** The list's type word ('Xã', 'Phường'…) for administrative markers; for hamlets the word to show. */
  type: string;
  /** Tone-keyed spelling of the full word, to tell "phường" (a unit word) from "Phương" (a name). */
  spelled: string | null;
}

const TABLE: [string, MarkerLevel, string, string | null][] = [
  ['xa', 'commune', 'Xã', 'xã'],
  ['x', 'commune', 'Xã', null],
  ['phuong', 'commune', 'Phường', 'phường'],
  ['p', 'commune', 'Phường', null],
  ['f', 'commune', 'Phường', null],
  ['thi tran', 'commune', 'Thị trấn', 'thị trấn'],
  ['tt', 'commune', 'Thị trấn', null],
  ['ttr', 'commune', 'Thị trấn', null],
  ['dac khu', 'commune', 'Đặc khu', 'đặc khu'],
  ['huyen', 'district', 'Huyện', 'huyện'],
  ['h', 'district', 'Huyện', null],
  ['quan', 'district', 'Quận', 'quận'],
  ['q', 'district', 'Quận', null],
  ['thi xa', 'district', 'Thị xã', 'thị xã'],
  ['tx', 'district', 'Thị xã', null],
  ['thanh pho', 'city', 'Thành phố', 'thành phố'],
  ['tp', 'city', 'Thành phố', null],
  ['tinh', 'province', 'Tỉnh', 'tỉnh'],
  ['t', 'province', 'Tỉnh', null],
  // Below the commune: kept as written in the hamlet field; abbreviations are spelled out.
  ['to dan pho', 'hamlet', 'Tổ dân phố', null],
  ['tdp', 'hamlet', 'Tổ dân phố', null],
  ['khu pho', 'hamlet', 'Khu phố', null],
  ['kp', 'hamlet', 'Khu phố', null],
  ['tieu khu', 'hamlet', 'Tiểu khu', null],
  ['khu dan cu', 'hamlet', 'Khu dân cư', null],
  ['kdc', 'hamlet', 'Khu dân cư', null],
  ['so nha', 'hamlet', 'Số nhà', null],
  ...(['thon', 'ban', 'to', 'xom', 'khoi', 'doi', 'ap', 'khu', 'lang', 'buon', 'bon', 'plei', 'cum', 'khom', 'so', 'duong', 'pho', 'ngo', 'ngach', 'hem', 'kiet'] as const).map(
    (w): [string, MarkerLevel, string, string | null] => [w, 'hamlet', '', null],
  ),
];

export const MARKERS: readonly Marker[] = TABLE.map(([w, level, type, spelled]) => ({ words: w.split(' '), level, type, spelled })).sort(
  (a, b) => b.words.length - a.words.length,
);

/**
 * Folded shorthands clerks use for whole names, expanded to word keys before segmentation.
 * ĐBP is Điện Biên Phủ (the city); HCM, HN, BRVT, TTH are the usual province shorthands.
 */
export const NAME_ALIASES: ReadonlyMap<string, string[]> = new Map([
  ['dbp', ['dien', 'bien', 'phu']],
  ['tpdbp', ['tp', 'dien', 'bien', 'phu']],
  ['hcm', ['ho', 'chi', 'minh']],
  ['tphcm', ['tp', 'ho', 'chi', 'minh']],
  ['hn', ['ha', 'noi']],
  ['tphn', ['tp', 'ha', 'noi']],
  ['brvt', ['ba', 'ria', 'vung', 'tau']],
  ['tth', ['thua', 'thien', 'hue']],
]);
