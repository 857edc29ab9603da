import { describe, expect, it } from 'vitest';
import { blockOn, dedupePairs, indexBlocks, linkPairs, type BlockingRule } from './blocking-rule.js';
import { mulberry32 } from './em-training.js';

interface Row {
  id: string | null;
  given: string;
  year: string;
}

const GIVEN = ['Hùng', 'Lan', 'Mai', 'Páo', 'Hoa', 'Thắng', 'Nguyệt', 'Bình'];
function rows(n: number, seed: number): Row[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => ({
    id: random() < 0.5 ? String(Math.floor(random() * 40)) : null,
    given: GIVEN[Math.floor(random() * GIVEN.length)],
    year: String(1950 + Math.floor(random() * 30)),
  }));
}

const rules: BlockingRule<Row>[] = [blockOn('id', (r) => r.id), blockOn('given_year', (r) => r.given, (r) => r.year)];
const shareKey = (a: Row, b: Row) => rules.some((rule) => rule.keys(a).some((k) => rule.keys(b).includes(k)));

describe('blockOn', () => {
  it.each([
    [{ id: '7', given: 'Lan', year: '1968' }, ['Lan\u001f1968']],
    [{ id: '7', given: '', year: '1968' }, []],
  ])('keys of %o', (row, keys) => {
    expect(rules[1].keys(row)).toEqual(keys);
  });

  it('gives one key per value of a multi-valued part', () => {
    const rule = blockOn<{ names: string[]; year: string }>('name_year', (r) => r.names, (r) => r.year);
    expect(rule.keys({ names: ['nguyen thi lan', 'nguyen thi mo', 'nguyen thi lan'], year: '1968' })).toEqual(['nguyen thi lan\u001f1968', 'nguyen thi mo\u001f1968']);
  });
});

describe('linkPairs / dedupePairs', () => {
  const left = rows(300, 1);
  const right = rows(400, 2);

  it('finds every link pair that shares a rule key, once, and no other', () => {
    const pairs = linkPairs(rules, left, right);
    const found = new Set(Array.from(pairs.left, (i, p) => `${i}:${pairs.right[p]}`));
    expect(found.size).toBe(pairs.left.length);
    const expected = new Set<string>();
    left.forEach((a, i) => right.forEach((b, j) => shareKey(a, b) && expected.add(`${i}:${j}`)));
    expect(found).toEqual(expected);
    expect(pairs.left.length).toBeLessThan((left.length * right.length) / 5);
    expect(pairs.byRule.id + pairs.byRule.given_year).toBe(pairs.left.length);
  });

  it('finds every within-list pair i < j that shares a rule key', () => {
    const pairs = dedupePairs(rules, left);
    const expected = new Set<string>();
    left.forEach((a, i) => left.forEach((b, j) => i < j && shareKey(a, b) && expected.add(`${i}:${j}`)));
    expect(new Set(Array.from(pairs.left, (i, p) => `${i}:${pairs.right[p]}`))).toEqual(expected);
    expect([...pairs.left].every((i, p) => i < pairs.right[p])).toBe(true);
  });

  it('gives the same pairs from a left index built once and reused', () => {
    const blocks = indexBlocks(rules, left);
    expect(linkPairs(rules, left, right, { leftIndex: blocks })).toEqual(linkPairs(rules, left, right));
    expect(linkPairs(rules, left, left.slice(0, 50), { leftIndex: blocks })).toEqual(linkPairs(rules, left, left.slice(0, 50)));
    expect(dedupePairs(rules, left, { leftIndex: blocks })).toEqual(dedupePairs(rules, left));
  });

  it('makes no pairs when no key is shared (no all-pairs fallback)', () => {
    const a = Array.from({ length: 200 }, (_, i) => ({ id: `a${i}`, given: `A${i}`, year: '1968' }));
    const b = Array.from({ length: 200 }, (_, i) => ({ id: `b${i}`, given: `B${i}`, year: '1968' }));
    expect(linkPairs(rules, a, b).left.length).toBe(0);
  });

  it('skips a block larger than maxBlockPairs and counts it', () => {
    const same = Array.from({ length: 50 }, () => ({ id: null, given: 'Hùng', year: '1968' }));
    const pairs = dedupePairs(rules, same, { maxBlockPairs: 1000 });
    expect(pairs.left.length).toBe(0);
    expect(pairs.skippedBlocks).toBe(1);
    expect(dedupePairs(rules, same, { maxBlockPairs: 1225 }).left.length).toBe(1225);
  });
});
