/**
 * The match model: one serialisable object (blocking rules, comparisons and guards by name, trained m/u per
 * level, prior, thresholds), saved with every run so a decision can be explained later. A library maps the names
 * to code; `resolveModel` joins the two.
 */
import type { BlockingRule } from './blocking-rule.js';
import type { Comparison } from './comparison.js';
import type { Guard } from './guard.js';
import type { HouseholdEvidenceSpec } from './household-evidence.js';

export const MODEL_FORMAT = 'hokhau.match-model/1';

/** JSON-safe parameters of a named part. */
export type Params = Readonly<Record<string, string | number | boolean | null>>;

export interface LevelParameters {
  key: string;
  /** P(level | same person). */
  m: number;
  /** P(level | different people), from random pairs. */
  u: number;
}

export interface ComparisonSpec {
  name: string;
  params?: Params;
  levels: LevelParameters[];
}

/** The serialisable model. */
export interface MatchModel {
  format: typeof MODEL_FORMAT;
  name: string;
  blockingRules: { name: string; params?: Params }[];
  comparisons: ComparisonSpec[];
  guards: string[];
  /** Probability that two records drawn at random are the same person. */
  prior: number;
  /** Match-weight thresholds (log2 odds): ≥ merge → automatic merge; ≥ review → a person decides. */
  thresholds: { merge: number; review: number };
  /** Term-frequency floor: a value's relative frequency is never taken below this. */
  tfMinimum: number;
  /** Household evidence (other members of the two households match); absent = not used. */
  household?: HouseholdEvidenceSpec;
  /** What training did, for the record. */
  training?: { uPairs?: number; emPairs?: number; emIterations?: number; emConverged?: boolean };
}

/** Code behind the names a model uses. */
export interface MatchLibrary<R> {
  comparisons: Readonly<Record<string, (params: Params) => Comparison<R, any>>>;
  blockingRules: Readonly<Record<string, (params: Params) => BlockingRule<R>>>;
  guards: Readonly<Record<string, Guard<R>>>;
}

/** A model joined with its code, ready to score. */
export interface ResolvedModel<R> {
  spec: MatchModel;
  comparisons: Comparison<R, unknown>[];
  blockingRules: BlockingRule<R>[];
  guards: Guard<R>[];
}

export interface ModelDeclaration {
  name: string;
  blockingRules: (string | { name: string; params?: Params })[];
  comparisons: (string | { name: string; params?: Params })[];
  guards?: string[];
  prior?: number;
  thresholds: { merge: number; review: number };
  tfMinimum?: number;
  household?: HouseholdEvidenceSpec;
}

/**
 * A new model with each level's starting m/u taken from the comparison's declaration.
 *
 * @example
 * const model = declareModel(HOKHAU_LIBRARY, { name: 'hokhau', blockingRules: ['personal_id'],
 *   comparisons: ['name', 'birth_date'], guards: ['different_sex'], thresholds: { merge: 8, review: 2 } });
 */
export function declareModel<R>(library: MatchLibrary<R>, declaration: ModelDeclaration): MatchModel {
  const ref = (x: string | { name: string; params?: Params }) => (typeof x === 'string' ? { name: x } : x);
  const comparisons = declaration.comparisons.map(ref).map(({ name, params }) => {
    const comparison = lookup(library.comparisons, name, 'comparison')(params ?? {});
    return { name, ...(params ? { params } : {}), levels: comparison.levels.map((l) => ({ key: l.key, m: l.m, u: l.u })) };
  });
  return {
    format: MODEL_FORMAT,
    name: declaration.name,
    blockingRules: declaration.blockingRules.map(ref),
    comparisons,
    guards: declaration.guards ?? [],
    prior: declaration.prior ?? 1e-4,
    thresholds: declaration.thresholds,
    tfMinimum: declaration.tfMinimum ?? 1e-6,
    ...(declaration.household ? { household: declaration.household } : {}),
  };
}

/**
 * Joins a model with its library. Throws when a name is unknown or a comparison's levels changed since the model
 * was trained (its m/u would then describe other levels).
 *
 * @example
 * const resolved = resolveModel(parseModel(json), HOKHAU_LIBRARY);
 */
export function resolveModel<R>(model: MatchModel, library: MatchLibrary<R>): ResolvedModel<R> {
  const comparisons = model.comparisons.map((spec) => {
    const comparison = lookup(library.comparisons, spec.name, 'comparison')(spec.params ?? {}) as Comparison<R, unknown>;
    const declared = comparison.levels.map((l) => l.key).join(',');
    const stored = spec.levels.map((l) => l.key).join(',');
    if (declared !== stored) throw new Error(`Model ${model.name}: comparison ${spec.name} has levels [${declared}], model has [${stored}]`);
    return comparison;
  });
  return {
    spec: model,
    comparisons,
    blockingRules: model.blockingRules.map((r) => lookup(library.blockingRules, r.name, 'blocking rule')(r.params ?? {})),
    guards: model.guards.map((g) => lookup(library.guards, g, 'guard')),
  };
}

/** The model as JSON text (stable key order, two-space indent). */
export function serializeModel(model: MatchModel): string {
  return JSON.stringify(model, null, 2);
}

/**
 * Reads a model back, checking its format and the shape of every level.
 *
 * @example
 * parseModel(serializeModel(model)); // deep-equal to model
 */
export function parseModel(json: string): MatchModel {
  const model = JSON.parse(json) as MatchModel;
  if (model?.format !== MODEL_FORMAT) throw new Error(`Not a match model (format ${String(model?.format)})`);
  for (const c of model.comparisons) {
    for (const l of c.levels) {
      if (typeof l.key !== 'string' || !(l.m >= 0) || !(l.u >= 0)) throw new Error(`Model ${model.name}: bad level in ${c.name}`);
    }
  }
  return model;
}

function lookup<T>(table: Readonly<Record<string, T>>, name: string, kind: string): T {
  const found = Object.hasOwn(table, name) ? table[name] : undefined;
  if (found === undefined) throw new Error(`Unknown ${kind}: ${name}`);
  return found;
}
