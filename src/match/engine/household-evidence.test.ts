import { describe, expect, it } from 'vitest';
import { expandHouseholdPairs, householdBonus, householdSupport, withHouseholdPart, type HouseholdEvidenceSpec } from './household-evidence.js';
import type { PairExplanation } from './explain.js';

const SPEC: HouseholdEvidenceSpec = { supportWeight: -4, bitsPerMember: 6, maxMembers: 3, maxExpandedPairs: 400 };
// Incoming: 0–2 one moved household (new book), 3 a lone namesake. Registry: 0–2 the family's old book, 3 another family.
const incomingHouseholds = ['book:9001', 'book:9001', 'book:9001', 'book:7001'];
const registryHouseholds = ['book:1234', 'book:1234', 'book:1234', 'book:5555'];

describe('householdSupport', () => {
  it.each([
    // pair index → other members supporting it
    ['each member of a moved family is supported by the two others', { left: [0, 1, 2], right: [0, 1, 2], weights: [-2, 5, -3] }, [2, 2, 2]],
    ['a weak pair still gains from strong fellow pairs', { left: [0, 1, 2], right: [0, 1, 2], weights: [-9, 5, 8] }, [2, 1, 1]],
    ['a lone namesake has nobody to support it', { left: [3, 0], right: [0, 0], weights: [9, 9] }, [0, 0]],
    ['a member never supports itself through another registry twin', { left: [0, 0], right: [0, 1], weights: [9, 9] }, [0, 0]],
    ['households of another family give nothing', { left: [0, 1], right: [0, 3], weights: [9, 9] }, [0, 0]],
  ])('%s', (_label, pairs, expected) => {
    expect([...householdSupport(pairs, incomingHouseholds, registryHouseholds, SPEC.supportWeight)]).toEqual(expected);
  });

  it('says nothing for the same book on both sides (the book comparison counted it)', () => {
    const same = ['book:1234', 'book:1234'];
    expect([...householdSupport({ left: [0, 1], right: [0, 1], weights: [9, 9] }, same, same, -4)]).toEqual([0, 0]);
  });
});

describe('expandHouseholdPairs', () => {
  it('pairs every member of two households a strong pair links, once, without the pairs already scored', () => {
    const out = expandHouseholdPairs({ left: [0, 1], right: [0, 1], weights: [6, 7] }, incomingHouseholds, registryHouseholds, -4, 400);
    const pairs = [...out.left].map((l, p) => `${l}-${out.right[p]}`);
    expect(pairs.sort()).toEqual(['0-1', '0-2', '1-0', '1-2', '2-0', '2-1', '2-2']);
  });

  it.each([
    ['a weak pair anchors nothing', { left: [0], right: [0], weights: [-6] }, 400],
    ['households too large to expand', { left: [0], right: [0], weights: [9] }, 8],
  ])('%s', (_label, pairs, max) => {
    expect(expandHouseholdPairs(pairs, incomingHouseholds, registryHouseholds, -4, max).left).toHaveLength(0);
  });
});

describe('household bonus and explanation', () => {
  it.each([[0, 0], [1, 6], [2, 12], [5, 18]])('%i members → +%i bits', (members, bits) => {
    expect(householdBonus(SPEC, members)).toBe(bits);
  });

  it('adds a part a reviewer reads, and lifts the decision', () => {
    const e: PairExplanation = { weight: -2, probability: 0.2, decision: 'distinct', prior: -16.6, parts: [], guards: [] };
    const out = withHouseholdPart(e, SPEC, 2, { merge: 13, review: 0 });
    expect(out).toMatchObject({ weight: 10, decision: 'review' });
    expect(out.parts.at(-1)!.label.vi).toBe('2 người khác trong hộ cũng khớp với hộ kia');
    expect(withHouseholdPart(e, SPEC, 0, { merge: 13, review: 0 })).toBe(e);
  });
});
