import type { Registry } from '../db/open-registry.js';
import { samplePersons } from '../db/sample-persons.js';
import { estimateU, mulberry32 } from '../match/engine/em-training.js';
import { hokhauModel, HOKHAU_LIBRARY } from '../match/engine/hokhau-model.js';
import { resolveModel, serializeModel, type ResolvedModel } from '../match/engine/model.js';
import { prepareRecords } from '../match/engine/prepared-records.js';
import type { PersonValues } from '../normalize/person-values.js';

/** Below this many persons the registry says too little about chance agreement: the declared u values stand. */
const MIN_REGISTRY_FOR_U = 2_000;
const U_SAMPLE = 5_000;
const U_PAIRS = 100_000;

/**
 * The matching model a run decides with: the hộ khẩu model with the pipeline's thresholds, its u probabilities
 * re-estimated from random pairs of this registry once it is large enough. Serialised with the run, so every
 * decision can be explained later.
 *
 * @example
 * const { model, json } = await runMatchModel(registry, { merge: 10, review: 0 });
 */
export async function runMatchModel(
  registry: Pick<Registry, 'db'>,
  thresholds: { merge: number; review: number },
): Promise<{ model: ResolvedModel<PersonValues>; json: string }> {
  const declared = { ...hokhauModel(), thresholds };
  let model = resolveModel<PersonValues>(declared, HOKHAU_LIBRARY);
  // The sample holds every active person up to U_SAMPLE, so its size says whether the registry is large enough.
  // Seeded: the same registry gives the same model, so two runs (or two versions of the code) decide alike.
  const sample = await samplePersons(registry.db, U_SAMPLE, mulberry32(7));
  if (sample.length >= MIN_REGISTRY_FOR_U) {
    const prepared = prepareRecords(model, sample);
    model = resolveModel<PersonValues>(estimateU(model, prepared, prepared, { pairs: U_PAIRS, seed: 7 }), HOKHAU_LIBRARY);
  }
  return { model, json: serializeModel(model.spec) };
}
