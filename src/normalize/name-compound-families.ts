/**
 * Family names of more than one syllable that must not be cut after their first syllable.
 *
 * Only compounds that are unambiguous in real records are listed:
 * - Nguyễn Phước royal lineage markers, written as the family name of the descendants:
 *   Tôn Thất (men), Tôn Nữ, Công Tôn Nữ, Công Tằng Tôn Nữ, Công Huyền Tôn Nữ (women).
 * - Chinese two-syllable surnames in use in Vietnam: Âu Dương, Hoàng Phủ, Tư Mã.
 *
 * Deliberately left out: "Nguyễn Phúc"/"Nguyễn Phước" (the royal family, but Phúc/Phước is also one of
 * the commonest middle names: Nguyễn Phúc Lộc is an ordinary Nguyễn) and double family names from
 * both parents (Trần Lê, Phạm Nguyễn), which are indistinguishable from family + middle name.
 * A wrong split only moves a syllable between family and middle; the full name and key are unchanged.
 *
 * Syllables are stored as toneKey() values (lower case, canonical tone placement).
 */
export const COMPOUND_FAMILY_NAMES: readonly (readonly string[])[] = [
  // Longest first: the first match wins.
  ['công', 'tằng', 'tôn', 'nữ'],
  ['công', 'huyền', 'tôn', 'nữ'],
  ['công', 'tôn', 'nữ'],
  ['tôn', 'thất'],
  ['tôn', 'nữ'],
  ['âu', 'dương'],
  ['hoàng', 'phủ'],
  ['tư', 'mã'],
];
