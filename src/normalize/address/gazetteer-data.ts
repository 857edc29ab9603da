/**
 * What a gazetteer file holds (data/gazetteer/vn-2025.json, or a list loaded with `hokhau gazetteer load`):
 * the administrative units before 1 July 2025 (province / district / commune), after it (province /
 * commune), and the old → new links. Codes are strings with their leading zeros ('01', '094', '03127').
 * A 5-digit code may mean different communes in the two lists (old 03172 Thị trấn Mường Chà, new 03172
 * Xã Na Sang), so the lists are kept apart and every code the matcher returns says which list it is from.
 *
 * @example
 * const data: GazetteerData = JSON.parse(readFileSync('data/gazetteer/vn-2025.json', 'utf8'));
 * data.legacy.communes[0]; // { code: '00001', name: 'Phúc Xá', type: 'Phường', parent: '001' }
 */
export interface GazetteerData {
  /** Which gazetteer coded a household (stored in the run ledger), e.g. 'gso-2025-07+thanglequoc-v2.4.1'. */
  version: string;
  /** Where the lists came from, with their licences (Vietnamese, for the reports). */
  sources: string[];
  /** Before 1 July 2025: commune.parent = district code, district.parent = province code. */
  legacy: { provinces: GazetteerUnit[]; districts: GazetteerUnit[]; communes: GazetteerUnit[] };
  /** After 1 July 2025: commune.parent = province code. */
  current: { provinces: GazetteerUnit[]; communes: GazetteerUnit[] };
  /**
   * Old commune → new commune, many-to-many. `from` is a legacy commune code (5 digits) or, for the island
   * districts that had no communes, a legacy district code (3 digits); `to` is a current commune code.
   */
  communeMap: CommuneLink[];
  /** Old province → new province (63 rows). */
  provinceMap: { from: string; to: string }[];
}

/** One administrative unit: name without its type word ("Noong Bua"), type as the list writes it ("Phường"). */
export interface GazetteerUnit {
  code: string;
  name: string;
  /** 'Tỉnh' | 'Thành phố' | 'Huyện' | 'Quận' | 'Thị xã' | 'Xã' | 'Phường' | 'Thị trấn' | 'Đặc khu'. */
  type: string;
  /** Code of the enclosing unit in the same list; null for provinces. */
  parent: string | null;
}

/** `full`: the whole old unit went to `to`; `partial`: only part of it (the old unit has several links). */
export interface CommuneLink {
  from: string;
  to: string;
  coverage: 'full' | 'partial';
}
