/**
 * Vietnamese labels for units and candidates, as a reviewer reads them in review-fields.csv:
 * "Phường Noong Bua, Thành phố Điện Biên Phủ, Tỉnh Điện Biên (mã cũ 03…) → Phường Điện Biên Phủ (mã mới 03127)".
 */
import type { Outcome } from './address-candidates.js';
import type { GazetteerIndex, LegacyCommuneRef } from './gazetteer-index.js';

/** @example describeLegacy(ref, index); // 'Xã Thanh Xương, Huyện Điện Biên, Tỉnh Điện Biên (mã cũ 03…)' */
export function describeLegacy(ref: LegacyCommuneRef, index: GazetteerIndex): string {
  const labels = labelsOf(index);
  let label = labels.legacy.get(ref);
  if (label === undefined) labels.legacy.set(ref, (label = legacyLabel(ref, index)));
  return label;
}

function legacyLabel(ref: LegacyCommuneRef, index: GazetteerIndex): string {
  const d = index.districts.get(ref.districtCode);
  const p = index.legacyProvinces.get(ref.provinceCode);
  return `${ref.type} ${ref.name}, ${d ? `${d.type} ${d.name}, ` : ''}${p ? `${p.type} ${p.name}` : ''} (mã cũ ${ref.code})`;
}

/** @example describeCurrent('03127', index); // 'Phường Điện Biên Phủ, Tỉnh Điện Biên (mã mới 03127)' */
export function describeCurrent(code: string, index: GazetteerIndex): string {
  const labels = labelsOf(index);
  let label = labels.current.get(code);
  if (label === undefined) labels.current.set(code, (label = currentLabel(code, index)));
  return label;
}

function currentLabel(code: string, index: GazetteerIndex): string {
  const c = index.currentCommunes.get(code);
  if (!c) return `mã mới ${code}`;
  const p = index.currentProvinces.get(c.provinceCode);
  return `${c.type} ${c.name}, ${p ? `${p.type} ${p.name}` : ''} (mã mới ${code})`;
}

export function describeOutcome(o: Outcome, index: GazetteerIndex): string {
  const legacy = o.legacyChoices.length === 1 ? o.legacyChoices[0].ref : null;
  if (o.current === null) return `${legacy ? describeLegacy(legacy, index) : ''} → đã chia cho nhiều xã/phường mới`;
  if (legacy && o.ref.list === 'legacy') {
    const labels = labelsOf(index);
    let byCurrent = labels.moved.get(legacy);
    if (!byCurrent) labels.moved.set(legacy, (byCurrent = new Map()));
    let label = byCurrent.get(o.current);
    if (label === undefined) byCurrent.set(o.current, (label = `${describeLegacy(legacy, index)} → ${describeCurrent(o.current, index)}`));
    return label;
  }
  return describeCurrent(o.current, index);
}

/** Every coded address carries a label: build each unit's (and each old → new pair's) once per index. */
interface Labels {
  legacy: Map<LegacyCommuneRef, string>;
  current: Map<string, string>;
  moved: Map<LegacyCommuneRef, Map<string, string>>;
}

function labelsOf(index: GazetteerIndex): Labels {
  let labels = labelsByIndex.get(index);
  if (!labels) labelsByIndex.set(index, (labels = { legacy: new Map(), current: new Map(), moved: new Map() }));
  return labels;
}

const labelsByIndex = new WeakMap<GazetteerIndex, Labels>();
