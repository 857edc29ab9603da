import { describe, expect, it } from 'vitest';
import { linkPairs } from './blocking-rule.js';
import { estimateU, trainM } from './em-training.js';
import { scorePairs } from './fellegi-sunter.js';
import { hokhauModel, HOKHAU_LIBRARY } from './hokhau-model.js';
import { resolveModel } from './model.js';
import { prepareRecords } from './prepared-records.js';
import { syntheticPersons } from './synthetic-persons.test-helper.js';

describe('estimateU + trainM on a synthetic registry', () => {
  const { registry, batch, truth } = syntheticPersons(1500, 300, 11);
  const model = resolveModel(hokhauModel(), HOKHAU_LIBRARY);
  const reg = prepareRecords(model, registry);
  const inc = prepareRecords(model, batch);
  const pairs = linkPairs(model.blockingRules, batch, registry);
  const withU = resolveModel(estimateU(model, inc, reg, { pairs: 20_000, seed: 3 }), HOKHAU_LIBRARY);
  const em = trainM(withU, inc, reg, pairs, { totalPairs: batch.length * registry.length, iterations: 30 });
  const trained = resolveModel(em.model, HOKHAU_LIBRARY);
  const level = (comparison: string, key: string) => trained.spec.comparisons.find((c) => c.name === comparison)!.levels.find((l) => l.key === key)!;

  it('converges in a few iterations', () => {
    expect(em.converged).toBe(true);
    expect(em.history.length).toBeLessThan(30);
    const last = em.history.at(-1)!;
    expect(Math.abs(last - em.history.at(-2)!)).toBeLessThan(1e-3);
  });

  it('learns that agreement is likely among matches and rare among random pairs', () => {
    expect(level('personal_id', 'exact').m).toBeGreaterThan(0.8);
    // Every batch record here is a copy, so 1 random pair in 1,500 is a true match: u ≈ 1/1500.
    expect(level('personal_id', 'exact').u).toBeLessThan(3 / registry.length);
    expect(level('birth_date', 'exact').m).toBeGreaterThan(level('birth_date', 'exact').u * 100);
    expect(level('name', 'fold').m).toBeGreaterThan(0.2); // 40 % of the copies lost their diacritics
    expect(level('sex', 'else').m).toBeLessThan(0.05);
  });

  it('keeps a level the sample never saw rare but possible: its declared u, up to 3 in n pairs', () => {
    const declared = model.spec.comparisons.find((c) => c.name === 'name')!.levels.find((l) => l.key === 'tone')!.u;
    const estimated = withU.spec.comparisons.find((c) => c.name === 'name')!.levels.find((l) => l.key === 'tone')!.u;
    expect(estimated).toBeGreaterThanOrEqual(Math.min(declared, 3 / 20_000));
    expect(estimated).toBeLessThan(0.01);
  });

  it('puts the expected number of matches into the prior', () => {
    const expected = 300 / (batch.length * registry.length);
    expect(trained.spec.prior).toBeGreaterThan(expected / 2);
    expect(trained.spec.prior).toBeLessThan(expected * 2);
  });

  it('separates the copies from other people', () => {
    const scored = scorePairs(trained, inc, reg, pairs);
    let tp = 0;
    let fp = 0;
    scored.decisions.forEach((d, p) => {
      if (d !== 'merge') return;
      if (truth[scored.left[p]] === scored.right[p]) tp++;
      else fp++;
    });
    expect(fp).toBe(0);
    expect(tp).toBeGreaterThan(300 * 0.9);
  });
});
