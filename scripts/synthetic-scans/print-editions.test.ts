import { describe, it, expect } from 'vitest';
import { EDITIONS } from './print-editions.js';
import { escapeXml, textWidth, wrapText } from './svg-parts.js';

const labelOf = (slot: string) => (e: (typeof EDITIONS)[number]) => e.memberRows.flat().find((f) => f.slot === slot)?.label;

describe('print editions', () => {
  it('differ in wording so no reader can rely on one layout', () => {
    expect(EDITIONS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(EDITIONS.map((e) => e.id)).size).toBe(EDITIONS.length);
    for (const slot of ['full_name', 'birth_date']) expect(new Set(EDITIONS.map(labelOf(slot))).size, slot).toBeGreaterThanOrEqual(3);
    expect(new Set(EDITIONS.map((e) => e.householdTitle)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(EDITIONS.map((e) => e.labelFont)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(EDITIONS.map((e) => e.leader)).size).toBe(3);
    expect(EDITIONS.some((e) => e.memberRows.some((row) => row.length > 1))).toBe(true);
    expect(EDITIONS.some((e) => e.memberRows.every((row) => row.length === 1))).toBe(true);
  });

  it.each(EDITIONS.map((e) => [e.id, e] as const))('%s prints every member field a record needs, labels in NFC', (_id, e) => {
    const slots = e.memberRows.flat().map((f) => f.slot);
    for (const slot of ['relation', 'full_name', 'birth_date', 'sex', 'ethnicity', 'nationality'] as const) expect(slots).toContain(slot);
    expect(slots.some((s) => s === 'cmnd' || s === 'personal_id')).toBe(true);
    expect(new Set(slots).size).toBe(slots.length);
    for (const f of [...e.memberRows.flat(), ...e.householdRows.flat()]) expect(f.label).toBe(f.label.normalize('NFC'));
    const household = e.householdRows.flat().map((f) => f.slot);
    expect(household).toContain('book_no');
    expect(household).toContain('head');
  });
});

describe('svg text helpers', () => {
  it.each([
    ['Lò Thị Xuân', 'Lò Thị Xuân'],
    ['A & B <c> "d" \'e\'', 'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;'],
    ['Hoa\u0300', 'Hoà'], // decomposed input comes out NFC
  ])('escapes %j', (text, xml) => {
    expect(escapeXml(text)).toBe(xml);
  });

  it('wraps long addresses at spaces within the width', () => {
    const text = 'Bản Na Ngám, xã Mường Phăng, thành phố Điện Biên Phủ, tỉnh Điện Biên';
    const lines = wrapText(text, 'DejaVu Serif', 42, 700, 1300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    expect(textWidth(lines[0], 'DejaVu Serif', 42)).toBeLessThanOrEqual(700);
    expect(wrapText('Nam', 'DejaVu Serif', 42, 700, 1300)).toEqual(['Nam']);
  });
});
