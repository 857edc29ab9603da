/**
 * How offices write values: date text in several styles, relation and ethnicity variants, address lines,
 * and the canonical form the truth expects (proper case, collapsed spaces).
 *
 * @example
 * dateText('1968-03-12', 'd/m/yyyy'); // '12/3/1968'
 * dateText('1968', 'zeros');          // '00/00/1968'
 * properCase('  LÒ  VĂN pánh ');      // 'Lò Văn Pánh'
 */
import type { Rng } from './prng.js';
import type { DateStyle } from './layout.js';
import type { Relation, SyntheticAddress } from './people.js';

/** Proper case per syllable, NFC, whitespace collapsed: the canonical full_name. */
export function properCase(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

/** A birth date (ISO with precision) as text in the given style. */
export function dateText(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-');
  const pad = style !== 'd/m/yyyy';
  const num = (s: string): string => (pad ? s : String(Number(s)));
  const sep = style === 'dd-mm-yyyy' ? '-' : style === 'dd.mm.yyyy' ? '.' : '/';
  if (m === undefined) return style === 'zeros' ? `00${sep}00${sep}${y}` : y;
  if (d === undefined) return style === 'zeros' ? `00${sep}${m}${sep}${y}` : `${num(m)}${sep}${y}`;
  return `${num(d)}${sep}${num(m)}${sep}${y}`;
}

/** An impossible date text for a year: 31/02, 30/02 or 29/02 of a non-leap year. */
export function impossibleDateText(rng: Rng, year: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = leap ? rng.pick(['30', '31']) : rng.pick(['29', '30', '31']);
  return `${day}/02/${year}`;
}

const RELATION_VARIANTS: Record<Relation, readonly string[]> = {
  'Chủ hộ': ['Chủ hộ', 'Chủ hộ', 'Chủ Hộ', 'chủ hộ'],
  Vợ: ['Vợ', 'Vợ', 'vợ'],
  Chồng: ['Chồng', 'chồng'],
  Con: ['Con', 'Con', 'con'],
  'Con dâu': ['Con dâu', 'Con Dâu'],
  'Con rể': ['Con rể'],
  Cháu: ['Cháu', 'cháu'],
  Bố: ['Bố', 'Bố', 'Cha'],
  Mẹ: ['Mẹ', 'mẹ'],
};

/**
 * The relation as written and its canonical label. "Con trai"/"Con gái" are canonical labels of their own
 * (the registry keeps them as precise as written); "Cha" is a synonym of Bố.
 */
export function relationText(rng: Rng, relation: Relation, sex: 'M' | 'F'): { written: string; canonical: string } {
  if (relation === 'Con' && rng.chance(0.15)) {
    const label = sex === 'M' ? 'Con trai' : 'Con gái';
    return { written: label, canonical: label };
  }
  return { written: rng.pick(RELATION_VARIANTS[relation]), canonical: relation };
}

const ETHNICITY_VARIANTS: Record<string, readonly (readonly [string, number])[]> = {
  Mông: [['Mông', 10], ["H'Mông", 3], ['Mèo', 1], ['HMông', 1], ['Hmông', 1]],
  Thái: [['Thái', 15], ['Thái Đen', 1], ['Thái Trắng', 1]],
  Kinh: [['Kinh', 20], ['Việt', 1]],
  'Khơ Mú': [['Khơ Mú', 5], ['Khơ mú', 3], ['Khmu', 1], ['Xá Cẩu', 1]],
};

/** The ethnic group as written ("Mèo", "H'Mông" for Mông). */
export function ethnicityText(rng: Rng, common: string): string {
  const v = ETHNICITY_VARIANTS[common];
  return v ? rng.weighted(v) : common;
}

/** The address as one line, in one of the ways clerks write it. */
export function addressText(rng: Rng, a: SyntheticAddress): string {
  const ct = a.communeType === 'Xã' ? 'xã' : a.communeType === 'Phường' ? 'phường' : 'thị trấn';
  const dt = a.districtType === 'Huyện' ? 'huyện' : a.districtType === 'Thị xã' ? 'thị xã' : 'TP';
  return rng.pick([
    `${a.hamlet}, ${ct} ${a.commune}, ${dt} ${a.district}, tỉnh Điện Biên`,
    `${a.hamlet} - ${a.commune} - ${a.district} - Điện Biên`,
    `${a.hamlet}, ${a.commune}, ${a.district}`,
  ]);
}

/** Notes seen in the Ghi chú column; mostly empty. */
export function noteText(rng: Rng): string {
  return rng.chance(0.9) ? '' : rng.pick(['Chuyển đến', 'Tạm vắng', 'Đã cấp CCCD', 'Đi làm ăn xa', 'Mới sinh']);
}
