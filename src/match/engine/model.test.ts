import { describe, expect, it } from 'vitest';
import { explainPair } from './explain.js';
import { hokhauModel, HOKHAU_LIBRARY } from './hokhau-model.js';
import { parseModel, resolveModel, serializeModel, type MatchModel } from './model.js';
import { person } from './test-person.js';

describe('model round trip', () => {
  const trained: MatchModel = {
    ...hokhauModel(),
    prior: 3.2e-6,
    thresholds: { merge: 11.5, review: 1 },
    training: { uPairs: 100000, emPairs: 4321, emIterations: 6, emConverged: true },
  };
  trained.comparisons[0].levels[1] = { key: 'exact', m: 0.71234, u: 0.000321 };

  it('survives JSON unchanged', () => {
    expect(parseModel(serializeModel(trained))).toEqual(trained);
  });

  it('scores the same pair the same after the round trip', () => {
    const a = person({ full_name: 'Hoàng Thị Lan', birth_date: '1970', sex: 'F' });
    const b = person({ full_name: 'Huỳnh Thị Lan', birth_date: '1970-05-02', sex: 'F' });
    const before = explainPair(resolveModel(trained, HOKHAU_LIBRARY), a, b);
    const after = explainPair(resolveModel(parseModel(serializeModel(trained)), HOKHAU_LIBRARY), a, b);
    expect(after).toEqual(before);
    expect(before.parts.find((p) => p.comparison === 'name')!.level).toBe('family_variant');
  });

  it('holds blocking rules, comparisons and guards by name', () => {
    const json = JSON.parse(serializeModel(trained));
    expect(json.blockingRules.map((r: { name: string }) => r.name)).toContain('personal_id');
    expect(json.comparisons.map((c: { name: string }) => c.name)).toContain('birth_date');
    expect(json.guards).toEqual(['different_personal_id', 'different_sex', 'contradicting_birth_dates']);
    expect(json.household).toMatchObject({ bitsPerMember: 6, maxMembers: 3 });
  });

  it.each([
    ['another format', (m: MatchModel) => ({ ...m, format: 'splink/4' }), /Not a match model/],
    ['a level with no m', (m: MatchModel) => ({ ...m, comparisons: [{ ...m.comparisons[0], levels: [{ key: 'exact', u: 0.1 }] }] }), /bad level/],
  ])('rejects %s', (_, change, error) => {
    expect(() => parseModel(JSON.stringify(change(trained)))).toThrow(error);
  });

  it.each([
    ['an unknown comparison', (m: MatchModel) => ({ ...m, comparisons: [{ name: 'shoe_size', levels: [] }] }), /Unknown comparison: shoe_size/],
    ['levels that changed since training', (m: MatchModel) => ({ ...m, comparisons: [{ ...m.comparisons[0], levels: m.comparisons[0].levels.slice(1) }] }), /has levels/],
    ['an unknown guard', (m: MatchModel) => ({ ...m, guards: ['different_hair'] }), /Unknown guard/],
  ])('refuses to resolve %s', (_, change, error) => {
    expect(() => resolveModel(change(trained), HOKHAU_LIBRARY)).toThrow(error);
  });
});
